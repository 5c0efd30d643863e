import Foundation
import Testing
@testable import GazetteCore

@Suite struct SearchIndexTests {
    func id(_ slug: String) -> UInt32 { UInt32(SearchFixture.order.firstIndex(of: slug)!) }

    @Test func manifestDescribesTheArchive() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()
        let meta = try #require(try site.json("search/meta.json") as? [String: Any])
        #expect(meta["format"] as? Int == 1)
        #expect(meta["count"] as? Int == 8)
        #expect((meta["build"] as? String)?.count == 16)
        let years = try #require(meta["years"] as? [[Int]])
        #expect(years == [[2025, 0, 4], [2024, 4, 6], [2023, 6, 7], [2022, 7, 8]])
        let topics = try #require(meta["topics"] as? [[Any]])
        #expect(topics.contains { $0[0] as? String == "Climate" && $0[2] as? String == "/topics/climate/" && $0[3] as? Int == 2 })
    }

    @Test func termsRecordTheirFields() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()
        let flood = try #require(try site.postings("flood"))
        #expect(flood[0] == [id("floods-karachi"), id("sindh-flood")])  // title
        #expect(flood[2] == [id("floods-karachi"), id("budget"), id("sindh-flood")].sorted())  // body
        #expect(flood[3].contains(id("floods-karachi")))  // three times in a short body: strong
        #expect(!flood[3].contains(id("budget")))
        let karachi = try #require(try site.postings("karachi"))
        #expect(karachi[1].contains(id("port")))  // the dateline
        #expect(karachi[3].contains(id("port")))
        #expect(try site.postings("سیلاب")?[0] == [id("urdu")])
        #expect(try site.postings("#climate")?[2] == [id("floods-karachi"), id("sindh-flood")])
        #expect(try site.postings("nonexistent") == nil)
    }

    @Test func termsFilesAreSortedByUTF8() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()
        let entries = try #require(try site.json("search/terms/0.json") as? [[Any]])
        let terms = entries.compactMap { $0[0] as? String }
        #expect(terms.count > 50)
        #expect(zip(terms, terms.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(terms.first == "#agriculture")
        #expect(terms.last == "ہے" || terms.last!.unicodeScalars.first!.value > 0x600)
    }

    /// The sort by a term's first eight bytes, then the rest, gives the order of the plain byte-wise
    /// comparison for terms of every length around eight bytes, sharing long prefixes, in several scripts.
    @Test func termRecordsSortAsTheirBytes() {
        var generator = SplitMix(seed: 7)
        let pieces = ["a", "b", "z", "0", "'", "é", "ß", "ہ", "ے", "#", "aaaaaaa", "abcdefgh"]
        var terms: Set<String> = []
        while terms.count < 3_000 {
            var term = ""
            for _ in 0..<(1 + Int(generator.next() % 6)) { term += pieces[Int(generator.next() % UInt64(pieces.count))] }
            terms.insert(term)
        }
        let records = terms.shuffled().map { SearchIndexLayout.TermRecord(term: $0, documentFrequency: $0.utf8.count, bytes: Array($0.utf8)) }
        let sorted = SearchIndexLayout.sortedByBytes(records)
        #expect(sorted.map(\.term) == records.map(\.term).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // Each record moves whole, its numbers and bytes with its term.
        #expect(sorted.allSatisfy { $0.documentFrequency == $0.term.utf8.count && $0.bytes == Array($0.term.utf8) })
    }

    @Test func documentsCarryWhatAResultShows() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()
        let docs = try #require(try site.json("search/docs/0.json") as? [[Any]])
        #expect(docs.count == 8)
        let port = docs[Int(id("port"))]
        #expect(port[0] as? String == "Port expands its <container> terminal")
        #expect(port[1] as? String == "/2022/05/05/port/")
        #expect(port[2] as? String == "5 May 2022")
        #expect(port[3] as? String == "2022-05-05")
        #expect(port[5] as? String == "KARACHI")
        #expect((port[7] as? String)?.hasPrefix("Karachi port added berths.") == true)
    }

    @Test func searchCanBeTurnedOff() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.write(SearchFixture.siteYAML + "\nsearch: false\n", to: "site.yml")
        try site.remove("Templates/search.mustache")
        try site.build()
        #expect(!site.outputFiles().contains { $0.hasPrefix("search/") })
        #expect(site.output("index.html")?.contains("masthead-search") == false)
    }

    @Test func searchPageNeedsItsTemplate() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.remove("Templates/search.mustache")
        let failures = site.failures()
        #expect(failures.contains { $0.message.contains("missing template 'search.mustache'") })
    }

    @Test func rebuildingChangesNoIndexFile() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()
        let first = site.outputFiles().filter { $0.hasPrefix("search/") }.map { ($0, site.output($0)) }
        try site.build()
        #expect(first.map(\.1) == first.map { site.output($0.0) })
        try site.write(article(title: "A new flood story", date: "2025-10-01"), to: "Content/new.md")
        try site.build()
        #expect(site.output("search/meta.json") != first.first { $0.0 == "search/meta.json" }?.1)
    }

    @Test func searchPageAndMasthead() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()
        let page = try #require(site.output("search/index.html"))
        #expect(page.contains("data-index=\"/search/meta.json\""))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("class=\"search-nojs\""))
        #expect(page.contains("href=\"/topics/\"") && page.contains("href=\"/archive/\""))
        for script in ["search-stem.js", "search-core.js", "search-rank.js", "search.js"] {
            #expect(page.contains("src=\"/assets/\(script)\""))
            #expect(site.exists("Output/assets/\(script)"))
        }
        #expect(site.output("index.html")?.contains("<form class=\"masthead-search\" action=\"/search/\"") == true)
    }

    @Test func anEmptyArchiveHasAnEmptyIndex() throws {
        let site = try TestSite(["site.yml": "title: Empty\n"])
        defer { site.delete() }
        try site.build()
        let meta = try #require(try site.json("search/meta.json") as? [String: Any])
        #expect(meta["count"] as? Int == 0)
        #expect((meta["terms"] as? [String])?.isEmpty == true)
        #expect(site.outputFiles().filter { $0.hasPrefix("search/") } == ["search/index.html", "search/meta.json"])
    }

    @Test func aSearchSettingThatIsNotABooleanIsAnError() throws {
        let site = try TestSite(["site.yml": "search: maybe\n"])
        defer { site.delete() }
        let failures = site.failures()
        #expect(failures.map(\.description) == ["site.yml:1:9: error: 'search' must be true or false, not 'maybe'"])
    }

    @Test func aSiteUnderAPathLinksItsIndexAndResultsThere() throws {
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build { $0.baseURL = "https://example.org/news/" }
        #expect(site.output("search/index.html")?.contains("data-index=\"/news/search/meta.json\"") == true)
        #expect(site.output("index.html")?.contains("action=\"/news/search/\"") == true)
        let docs = try #require(try site.json("search/docs/0.json") as? [[Any]])
        #expect(docs[Int(id("port"))][1] as? String == "/news/2022/05/05/port/")
        let meta = try #require(try site.json("search/meta.json") as? [String: Any])
        #expect((meta["topics"] as? [[Any]])?.first?[2] as? String == "/news/topics/agriculture/")
    }
}
