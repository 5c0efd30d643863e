import Foundation
import Testing
import Yams
@testable import GazetteCore

/// `SimpleYAML` must compose exactly what Yams composes, or nothing.
@Suite struct SimpleYAMLTests {
    /// Everything fields and diagnostics read of a node: kinds, strings, scalar styles and marks.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return "scalar(\(scalar.string.debugDescription) \(scalar.style) \(String(describing: scalar.mark)))"
        case .mapping(let mapping):
            let pairs = mapping.map { describe($0.key) + ": " + describe($0.value) }
            return "mapping(\(mapping.style) \(String(describing: mapping.mark))){\(pairs.joined(separator: ", "))}"
        case .sequence(let sequence):
            return "sequence(\(sequence.style) \(String(describing: sequence.mark)))[\(sequence.map(describe).joined(separator: ", "))]"
        case .alias:
            return "alias"
        }
    }

    static func yams(_ text: String) -> String? {
        (try? Yams.compose(yaml: text, .basic, .default, .utf8)).flatMap { $0.map(describe) }
    }

    /// Checks one text; returns whether the simple parser took it.
    @discardableResult
    static func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let simple = SimpleYAML.compose(text) else { return false }
        #expect(describe(simple) == yams(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test func composesTheCommonFrontMatterAsYamsDoes() {
        let texts = [
            "title: \"Agreement flights security\"\ndate: 2005-05-03T19:43:33+05:00\ntopics: [\"Trade\", \"Lahore\"]\ndateline: LAHORE\n",
            "title: Plain title with (parentheses) and \"quotes\" inside\ndraft: true\nwords: 1984\n",
            "highlights:\n  - \"First\"\n  - 'Second'\n  - third one\nsummary: 'A summary'\n",
            "topics:\n- Indentless\n- List\ntitle: After\n",
            "# a comment\n\ntitle: Ünïcödé — “curly” and emoji 🎉\ntopics: [Économie, \"Ἀθῆναι\", 'x y']\n",
            "topics: []\nempty: \"\"\nsingle: ''\nurl: https://example.org/a?b=c#d\n",
            "title:    \"Spaces before\"   \nlast: no newline at the end",
            "a-key_2: value\n_under: x\nnull: ~\n",
            "image: /media/photo.jpg\nshort: a79v1h\nupdated: 05 December 2025\n",
            "image:\n  src: /media/a.jpg\n  alt: \"Alt\"\n\n  credit: [AFP, 'File']\ntitle: x\n",
            "image:\n    caption: four in\n# comment\n    credit: x\n",
            String(repeating: "k", count: 1024) + ": the longest key libyaml takes\n",
        ]
        for text in texts {
            #expect(Self.check(text), "not taken: \(text.debugDescription)")
        }
    }

    @Test func leavesEverythingElseToYams() {
        let texts = [
            "title: \"escaped \\\" quote\"\n",  // escapes
            "title: 'it''s'\n",  // a quote in a single-quoted scalar
            "title: value # comment\n",
            "title: \"quoted\" # comment\n",
            "title: two\n  lines\n",  // a multi-line plain scalar
            "title: \"two\n  lines\"\n",
            "title: a: b\n",  // not valid YAML
            "title:value\n",
            "title: one\ntitle: two\n",  // a key given twice
            "title: &anchor x\nother: *anchor\n",
            "title: !!str 12\n",
            "summary: |\n  block\n",
            "summary: >\n  folded\n",
            "image:\n  src:\n    deeper: x\n",  // mappings nested twice
            "image:\n  src: a\n   alt: b\n",
            "image:\n  src: a\n - b\n",
            "image:\n\n  src: a\n",
            "corrections:\n  - date: 2025-01-01\n    text: x\n",
            "topics: [a, [b]]\n",
            "topics: [a,]\n",
            "topics: [a:?]\n",  // libyaml refuses `:` before `?` in a flow list
            "k: [a:?b, c]\n",
            "title: x\n" + String(repeating: "k", count: 1025) + ": x\n",  // a key past libyaml's 1,024 characters
            "image:\n  " + String(repeating: "k", count: 1025) + ": x\n",
            "topics: [a,\n  b]\n",
            "topics: {a: b}\n",
            "draft:\n",  // an empty value
            "draft:\ntitle: x\n",
            "highlights:\n  - a\n    - b\n",
            "highlights:\n  - a\n\n  - b\n",
            "title:\tx\n",
            "title: x\r\n",
            "title: -5\n",
            " title: indented\n",
            "title: \"a\"\u{85}date: x\n",
            "title: \u{FEFF}x\n",
            "---\ntitle: x\n",
            "",
            "\n\n# only a comment\n",
            "- a list\n- at the root\n",
        ]
        for text in texts {
            #expect(SimpleYAML.compose(text) == nil, "taken: \(text.debugDescription)")
        }
    }

    /// Random texts from pieces on either side of the subset's edge: whatever the simple parser takes,
    /// Yams composes the same way.
    @Test func agreesWithYamsOnRandomTexts() {
        let keys = ["title", "date", "topics", "x", "a-b", "_k", "k2", "title", "Key", "tags"]
        let values = [
            "plain", "two words", "\"double\"", "'single'", "\"\"", "''", "[a, b]", "[\"a\", 'b' ,c ]", "[]", "[ ]",
            "2025-01-01T10:00:00+05:00", "~", "null", "yes", "1_000", "-1", "1.5e3", ".inf", "a:b", "a: b", "a #b",
            "a#b", "\"a\\nb\"", "'a''b'", "\"é—🎉\"", "[é, 🎉 x]", "x ]", "[x", "\"x", "'x", "x  ", "&a x", "*a",
            "!t x", "|", ">", "{a: 1}", "[a, {b: c}]", "@x", "`x`", "%x", "?x", "?", ":x", "x,y", "[x,y]", "[\"x\"y]",
            "\"x\" y", "[ \"x\" , \"y\" ]", "[a b, c d]", "a [b] {c}", "[a:?]", "[a:?b, c]", "a:?", "[a:b]",
        ]
        let extras = [
            "", "# comment", "  ", "  - item", "- item", "  - \"q\"", "    - deep", "  more", "\t", "---", "...", "  src: a",
            "  alt: \"b\"", "   odd: c", "    deep: d", "  list:", "  # indented comment",
        ]
        var generator = SplitMix(seed: 20261130)
        var taken = 0
        for _ in 0..<10_000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: lines.append(keys.randomElement(using: &generator)! + ":")
                case 1: lines.append(extras.randomElement(using: &generator)!)
                case 2: lines.append(keys.randomElement(using: &generator)! + ":" + values.randomElement(using: &generator)!)
                default:
                    let spaces = String(repeating: " ", count: Int.random(in: 1...3, using: &generator))
                    lines.append(keys.randomElement(using: &generator)! + ":" + spaces + values.randomElement(using: &generator)!)
                }
            }
            let text = lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
            if Self.check(text) { taken += 1 }
        }
        // Both sides of the edge were tried.
        #expect(taken > 500 && taken < 9000, "\(taken) of 10,000 taken")
    }

    /// The archive's own articles take the simple path and read the same.
    @Test func readsTheSampleArchiveAsYamsDoes() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        #expect(!files.isEmpty)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let front = try bytes.withUnsafeBufferPointer { try FrontMatter.split($0).get() }
            #expect(Self.check(front.yaml), "not taken: \(file.lastPathComponent)")
        }
    }
}
