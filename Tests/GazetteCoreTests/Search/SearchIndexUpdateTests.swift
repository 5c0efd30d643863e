import Foundation
import Testing
@testable import GazetteCore

/// A rebuild in which a few articles changed updates the last build's search index for them
/// (`SearchIndexUpdate`) instead of collecting every article's terms, and gets what a cold build gets.
@Suite struct SearchIndexUpdateTests {
    static let words = ["harbour", "ship", "cargo", "crane", "port", "tide", "storm", "pier", "dock", "berth", "fleet", "quay"]

    func archive(articles: Int = 40) throws -> TestSite {
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\n"]
        var generator = SplitMix(seed: 11)
        for n in 0..<articles {
            let topics = ["Port", "Weather", "Trade"][n % 3]
            let body = (0..<3).map { _ in sentence(&generator) }.joined(separator: " ")
            files["Content/story-\(n).md"] = article(title: "Story \(n) \(Self.words[n % Self.words.count])",
                                                     date: "2025-0\(1 + n % 9)-1\(n % 10)T10:00:00Z", "topics: [\(topics)]", body: body)
        }
        return try TestSite(files)
    }

    func read(_ site: TestSite, _ path: String) -> String? {
        try? String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    func sentence(_ generator: inout SplitMix) -> String {
        (0..<12).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }.joined(separator: " ") + "."
    }

    /// Edits of every kind, one or two articles at a time: words added (some never seen before) and taken
    /// away, a word repeated until it is strong, titles and datelines changed, a body replaced by another
    /// article's. After each, the output is a cold build's, byte for byte; most of them were updates.
    @Test func editsUpdateTheIndexAsAColdBuildWouldMakeIt() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        var generator = SplitMix(seed: 5)
        var updated = 0
        let rounds = 24
        for round in 0..<rounds {
            for _ in 0...(round % 4 == 3 ? 1 : 0) {
                let n = Int(generator.next() % 40)
                let path = "Content/story-\(n).md"
                var text = try #require(read(site, path))
                switch round % 6 {
                case 0: text += "\nA new word appears: novelty\(round).\n"
                case 1: text = text.replacingOccurrences(of: "harbour", with: "")
                case 2: text += "\n" + Array(repeating: "lighthouse", count: 6).joined(separator: " ") + ".\n"
                case 3: text = text.replacingOccurrences(of: "title: \"Story \(n)", with: "title: \"Revised story \(n)")
                case 4:
                    text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("dateline:") }.joined(separator: "\n")
                    text = text.replacingOccurrences(of: "topics:", with: "dateline: PORT CITY \(round)\ntopics:")
                default: text += "\n" + sentence(&generator) + "\n"
                }
                try site.write(text, to: path)
            }
            let report = try site.build()
            if report.searchIndexUpdated { updated += 1 }
            try site.expectSameAsColdBuild()
        }
        #expect(updated >= rounds / 2, "\(updated) of \(rounds) rebuilds updated the index")
    }

    /// An updated index records what it was made from as a full one does: edit after edit, each one updates.
    @Test func anUpdatedIndexCanBeUpdatedAgain() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        for n in 1...4 {
            let path = "Content/story-\(n).md"
            try site.write(try #require(read(site, path)) + "\nMore cargo, round \(n).\n", to: path)
            #expect(try site.build().searchIndexUpdated, "edit \(n)")
        }
        try site.expectSameAsColdBuild()
    }

    /// The index is made again from every article's terms when the last one's files are not what the
    /// last build wrote, and when an article's topics change (the key no longer fits).
    @Test func aChangedIndexFileOrTopicMeansAFullIndex() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.write(try #require(read(site, "Content/story-1.md")) + "\nMore cargo.\n", to: "Content/story-1.md")
        #expect(try site.build().searchIndexUpdated)
        try site.write("[]", to: "Output/search/terms/0.json")
        try site.write(try #require(read(site, "Content/story-2.md")) + "\nMore cargo.\n", to: "Content/story-2.md")
        #expect(try !site.build().searchIndexUpdated)
        try site.expectSameAsColdBuild()
        let text = try #require(read(site, "Content/story-3.md"))
        try site.write(text.replacingOccurrences(of: "topics: [Port]", with: "topics: [Port, Weather]"), to: "Content/story-3.md")
        #expect(try !site.build().searchIndexUpdated)
        try site.expectSameAsColdBuild()
        try site.write(try #require(read(site, "Content/story-4.md")) + "\nMore cargo.\n", to: "Content/story-4.md")
        #expect(try site.build().searchIndexUpdated)
        try site.expectSameAsColdBuild()
    }

    /// Two spellings of one word that Swift's strings take for equal (한 as one code point and as three
    /// jamo) are two terms, each as written: one number for both would put in the index whichever spelling
    /// a thread met first, and cold builds of the same archive would differ.
    @Test func canonicallyEquivalentSpellingsAreTwoTerms() throws {
        let composed = "\u{D55C}\u{AD6D}", decomposed = "\u{1112}\u{1161}\u{11AB}\u{AD6D}"
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\n"]
        for n in 0..<8 {
            files["Content/k\(n).md"] = article(title: "K \(n)", date: "2025-01-0\(n + 1)T10:00:00Z", body: "\(n % 2 == 0 ? composed : decomposed) news \(n).")
        }
        let site = try TestSite(files)
        defer { site.delete() }
        try site.build()
        let entries = try #require(try site.json("search/terms/0.json") as? [[Any]])
        let terms = entries.compactMap { $0[0] as? String }
        #expect(terms.filter { $0.utf8.elementsEqual(composed.utf8) }.count == 1)
        #expect(terms.filter { $0.utf8.elementsEqual(decomposed.utf8) }.count == 1)
        try site.expectSameAsColdBuild()
    }

    /// Terms files read back as they were written, whatever their terms hold; anything else is refused.
    @Test func termsFilesReadBackAsWritten() {
        let terms = ["plain", "quote\"d", "back\\slash", "tab\there", "line\u{2028}sep", "کراچی", "ctrl\u{01}", "é"]
        var json = JSONText()
        json.array(terms.indices) { json, k in
            json.raw("[")
            json.string(terms[k])
            json.raw(",\(k + 1),\(k % 3),\(k * 10),\(k + 7)]")
        }
        let entries = TermsFileReader.entries(json.bytes)
        #expect(entries?.map(\.term) == terms)
        #expect(entries?.map(\.frequency) == terms.indices.map { $0 + 1 })
        #expect(entries?.map(\.offset) == terms.indices.map { $0 * 10 })
        #expect(TermsFileReader.entries(Array("[]".utf8))?.isEmpty == true)
        for bad in ["", "[", "[[\"a\",1,2,3]]", "[[\"a\",1,2,3,4]", "[[\"a\",1,2,3,4]]x", "[[\"a\\q\",1,2,3,4]]", "[[\"a\",-1,2,3,4]]",
                    "[[\"\\u12\",1,2,3,4]]", "[[\"\\u+abc\",1,2,3,4]]", "[[\"\\ud800\",1,2,3,4]]", "[[\"a\",1,2,3,4],]"] {
            #expect(TermsFileReader.entries(Array(bad.utf8)) == nil, "\(bad)")
        }
    }
}
