import Foundation
import Testing
@testable import GazetteCore

/// Random edits of every kind an archive sees, each followed by an incremental build that must leave
/// the output of a cold build of the same sources, byte for byte. Seeded: a failure shows again.
@Suite struct IncrementalSoakTests {
    /// SplitMix64: the same edits on every run and machine.
    struct Edits {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let topics = ["Pakistan", "Economy", "Security", "Floods", "Elections 2024", "Cricket"]
    static let words = ["harbour", "~~struck~~", "www.example.org", "**bold**", "[a link](https://example.org/x)", "rain", "budget"]

    static func story(title: String, date: String, topics: [String], body: String) -> String {
        article(title: title, date: date, "topics: [\(topics.joined(separator: ", "))]", body: body)
    }

    @Test(arguments: [1, 2])
    func randomEditsKeepTheOutputOfAColdBuild(seed: UInt64) throws {
        var edits = Edits(state: seed)
        var files = ["site.yml": "title: Soak\nbase_url: https://example.org/\npage_size: 5\nfeed_size: 5\n"]
        // More articles than the other tests' archives, so that lists have several pages and keys chain many paths.
        for n in 1...80 {
            files["Content/2025/a-story-with-a-long-enough-file-name-\(n).md"] = Self.story(
                title: "Story \(n)", date: "2025-0\(1 + n % 9)-1\(n % 10)T10:00:00Z", topics: [Self.topics[n % Self.topics.count]],
                body: "Body of story \(n) with www.example.org and ~~old~~ text.")
        }
        let site = try TestSite(files)
        defer { site.delete() }
        try site.build()
        for step in 0..<16 {
            let articles = FileManager.default.subpaths(atPath: site.root.appendingPathComponent("Content").path)!
                .filter { $0.hasSuffix(".md") }.sorted()
            let path = "Content/" + articles[edits.next(articles.count)]
            let url = site.root.appendingPathComponent(path)
            var text = try String(contentsOf: url, encoding: .utf8)
            switch edits.next(9) {
            case 0: text += "\n" + (0..<12).map { _ in Self.words[edits.next(Self.words.count)] }.joined(separator: " ") + "\n"
            case 1: text = text.replacingOccurrences(of: #"title: "[^"]*""#, with: "title: \"Retitled \(step)\"", options: .regularExpression)
            case 2: text = text.replacingOccurrences(of: #"date: [^\n]*"#, with: "date: 2024-1\(edits.next(3))-1\(edits.next(10))T08:00:00Z", options: .regularExpression)
            case 3: text = text.replacingOccurrences(of: "topics: [", with: "topics: [\(Self.topics[edits.next(Self.topics.count)]), ")
            case 4: try site.remove(path); text = ""
            case 5:
                try site.write(Self.story(title: "Added \(step)", date: "2025-0\(1 + edits.next(9))-20T10:00:00Z",
                                          topics: [Self.topics[edits.next(Self.topics.count)]], body: "New www.example.org text."),
                               to: "Content/2025/added-\(step).md")
            case 6:  // a draft published, or an article made a draft
                let draft = "---\ndraft: true\n"
                text = text.hasPrefix(draft) ? "---\n" + text.dropFirst(draft.count) : draft + text.dropFirst(4)
            case 7:
                let footer = try String(contentsOf: site.root.appendingPathComponent("Templates/partials/footer.mustache"), encoding: .utf8)
                try site.write(footer.replacingOccurrences(of: "<footer", with: "<!-- step \(step) -->\n<footer"), to: "Templates/partials/footer.mustache")
            default: try site.write("title: Soak \(step)\nbase_url: https://example.org/\npage_size: \(3 + edits.next(4))\nfeed_size: 5\n", to: "site.yml")
            }
            // Written back after the edits of other files too: a file touched, its bytes the same.
            if !text.isEmpty { try site.write(text, to: path) }
            try site.build()
            try site.expectSameAsColdBuild()
        }
    }
}
