import Foundation
import Testing
@testable import GazetteCore

/// The search index in incremental builds: bodies, titles and own meta fields come from the cache, topic
/// names are analyzed again, and the index is always the one a cold build writes.
@Suite struct SearchCacheTests {
    func archive() throws -> TestSite {
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\n"]
        for n in 1...6 {
            // Odd stories share no topic: an edit to one shows on no other's page.
            let topics = n % 2 == 0 ? "[Sean O'Neill]" : "[Desk \(n)]"
            files["Content/story-\(n).md"] = article(title: "Story \(n)", date: "2025-03-0\(n)T10:00:00Z", "topics: \(topics)",
                                                     body: "Harbour news number \(n). Word\(n) appears here.\n\nMore harbour text.")
        }
        return try TestSite(files)
    }

    /// The article number a story has in the index: newest first.
    func id(_ n: Int) -> UInt32 { UInt32(6 - n) }

    /// The term a word gives.
    func term(_ word: String) -> String {
        TermAnalyzer(dictionary: TermDictionary()).terms(word)[0]
    }

    @Test func everyArticleLeavesItsBodyInTheCache() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let state = BuildState.load(from: site.options.cacheFile)
        let terms = state.searchTerms.terms()
        #expect(state.sources.count == 6)
        for record in state.sources.records {
            let body = try #require(record.searchBody)
            #expect(body.forEachTerm(below: terms.count) { _, _ in } && body.forEachHeadTerm(below: terms.count) { _, _ in })
            #expect(body.excerpt.hasPrefix("Harbour news number"))
            var words: [String: UInt8] = [:]
            body.forEachTerm(below: terms.count) { words[terms[Int($0)]] = $1 }
            #expect(words["harbour"] == 2 && words["number"] == 1)
            #expect(words[term("Story")] == nil)  // the title's words are not the body's
            #expect(body.length == 10)
        }
    }

    @Test func anEditToOneBodyChangesTheIndexAsAColdBuildDoes() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let untouched = site.modified("2025/03/03/story-3/index.html")
        #expect(try site.postings("lighthous") == nil)
        try site.write(article(title: "Story 2", date: "2025-03-02T10:00:00Z", "topics: [Sean O'Neill]",
                               body: "A lighthouse, a lighthouse and a lighthouse."), to: "Content/story-2.md")
        try site.build()
        #expect(site.modified("2025/03/03/story-3/index.html") == untouched)
        #expect(try site.postings("lighthous")?[3] == [id(2)])  // three times in a short body: strong
        #expect(try site.postings("harbour")?[2].contains(id(2)) == false)
        try site.expectSameAsColdBuild()
    }

    @Test func unchangedBodiesAreTakenFromTheCache() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        // Give story 5's cached body an excerpt its file cannot give: only the cache can bring it back.
        var state = BuildState.load(from: site.options.cacheFile)
        let path = try #require(state.sources.paths.first { $0.hasSuffix("story-5.md") })
        state.sources[path]?.searchBody?.excerpt = "From the cache"
        try state.save(to: site.options.cacheFile)
        try site.write(article(title: "Story 1", date: "2025-03-01T10:00:00Z", "topics: [Desk 1]", body: "Changed."),
                       to: "Content/story-1.md")
        try site.build()
        let docs = try #require(try site.json("search/docs/0.json") as? [[Any]])
        #expect(docs[Int(id(5))][7] as? String == "From the cache")
        #expect((docs[Int(id(1))][7] as? String)?.hasPrefix("Changed.") == true)
    }

    @Test func aCachedBodyThatDoesNotFitTheTermListIsReadAgain() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        var state = BuildState.load(from: site.options.cacheFile)
        for path in state.sources.paths where path.hasSuffix("story-3.md") || path.hasSuffix("story-4.md") {
            state.sources[path]?.searchBody?.packed = path.hasSuffix("3.md") ? [0xFF] : [0xF1, 0xFF, 0x7F]
        }
        try state.save(to: site.options.cacheFile)
        try site.write(article(title: "Story 1", date: "2025-03-01T10:00:00Z", "topics: [Desk 1]", body: "Changed."),
                       to: "Content/story-1.md")
        try site.build()
        try site.expectSameAsColdBuild()
    }

    /// The same when the index is written after the pages (the preview server's way).
    @Test func aCachedBodyThatDoesNotFitIsReadAgainForADeferredIndex() throws {
        let site = try archive()
        defer { site.delete() }
        let deferring = site.deferringBuilder
        let sink = MemorySink()
        var (report, state) = try deferring.build(into: sink, state: BuildState())
        try #require(report.pendingSearch).finish(state: &state)
        for path in state.sources.paths where path.hasSuffix("story-3.md") {
            state.sources[path]?.searchBody?.packed = [0xF1, 0xFF, 0x7F]
        }
        try site.write(article(title: "Story 1", date: "2025-03-01T10:00:00Z", "topics: [Desk 1]", body: "Changed."),
                       to: "Content/story-1.md")
        (report, state) = try deferring.build(into: sink, state: state)
        try #require(report.pendingSearch).finish(state: &state)
        let whole = MemorySink()
        _ = try Builder(options: site.options, paths: DisplayPaths(workingDirectory: site.root.path)).build(into: whole)
        for (path, bytes) in whole.files where sink.files[path] != bytes { Issue.record("\(path) differs") }
        // The body read again is the one kept.
        let terms = state.searchTerms.terms()
        for (path, record) in state.sources where path.hasSuffix("story-3.md") {
            #expect(record.searchBody?.forEachTerm(below: terms.count) { _, _ in } == true)
        }
    }

    @Test func aTopicRenamedOnAnotherArticleChangesTheMetaTerms() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        #expect(try site.postings("neill") == nil)
        #expect(try site.postings(term("O'Neill"))?[1] == [id(6), id(4), id(2)])
        // Two of the three articles spell it apart now: that spelling names the topic on the third too.
        for n in [2, 4] {
            try site.write(article(title: "Story \(n)", date: "2025-03-0\(n)T10:00:00Z", "topics: [Sean O Neill]",
                                   body: "Harbour news number \(n). Word\(n) appears here.\n\nMore harbour text."),
                           to: "Content/story-\(n).md")
        }
        try site.build()
        #expect(try site.postings(term("O'Neill")) == nil)
        #expect(try site.postings("neill")?[1] == [id(6), id(4), id(2)])
        try site.expectSameAsColdBuild()
    }

    @Test func aDeletedArticleLeavesTheIndex() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        #expect(try site.postings("word3") != nil)
        try site.remove("Content/story-3.md")
        try site.build()
        #expect(try site.postings("word3") == nil)
        let meta = try #require(try site.json("search/meta.json") as? [String: Any])
        #expect(meta["count"] as? Int == 5)
        try site.expectSameAsColdBuild()
        // Its terms stay in the cache's list until there are enough of them to rebuild it.
        let state = BuildState.load(from: site.options.cacheFile)
        #expect(state.searchTerms.terms().contains("word3"))
    }

    @Test func anEditToATitleAndSummaryAloneChangesTheIndex() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        #expect(try site.postings(term("lighthouse")) == nil)
        try site.write(article(title: "Lighthouse story", date: "2025-03-02T10:00:00Z", "topics: [Sean O'Neill]\nsummary: Ferries resumed.",
                               body: "Harbour news number 2. Word2 appears here.\n\nMore harbour text."), to: "Content/story-2.md")
        try site.build()
        #expect(try site.postings(term("lighthouse"))?[0] == [id(2)])  // the title set
        #expect(try site.postings(term("ferries"))?[1] == [id(2)])  // the meta set
        try site.expectSameAsColdBuild()
    }

    /// An edit makes again only the result-list file that shows the article (an archive of 100,000
    /// articles has 10,000): the others are kept, as a cold build would write them. A topic added
    /// elsewhere renumbers the topics, which every file shows: all are made again.
    @Test func anEditRewritesOnlyItsOwnResultListFile() throws {
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\n"]
        for n in 1...25 {
            files["Content/story-\(n).md"] = article(title: "Story \(n)", date: String(format: "2025-03-%02dT10:00:00Z", n), "topics: [Harbour]",
                                                     body: "Harbour news number \(n).")
        }
        let site = try TestSite(files)
        defer { site.delete() }
        try site.build()
        let docs = (0..<3).map { "search/docs/\($0).json" }
        let before = docs.map { site.modified($0) }
        // Newest first: story 15 is article 10, the first of docs/1.json.
        try site.write(article(title: "Story 15", date: "2025-03-15T10:00:00Z", "topics: [Harbour]", body: "A lighthouse instead."),
                       to: "Content/story-15.md")
        try site.build()
        #expect(site.modified(docs[0]) == before[0] && site.modified(docs[2]) == before[2])
        #expect(site.modified(docs[1]) != before[1])
        #expect(site.output("search/docs/1.json")?.contains("A lighthouse instead.") == true)
        try site.expectSameAsColdBuild()

        try site.write(article(title: "Story 1", date: "2025-03-01T10:00:00Z", "topics: [Aardvarks, Harbour]", body: "Harbour news number 1."),
                       to: "Content/story-1.md")
        try site.build()
        #expect(site.modified(docs[0]) != before[0])
        try site.expectSameAsColdBuild()
    }

    @Test func compactingTheTermListKeepsTheIndex() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.remove("Content/story-3.md")
        try site.build()
        var state = BuildState.load(from: site.options.cacheFile)
        let before = state.searchTerms.terms()
        state.compactSearchTerms(before)
        let after = state.searchTerms.terms()
        #expect(!after.contains("word3") && after.contains("word2") && after.count < before.count)
        // Terms only topic names have go too (topics are analyzed on every rewrite); each article keeps
        // its body's and its title's terms.
        #expect(!after.contains("desk") && after.contains(term("Story")))
        for record in state.sources.records {
            var words: [String] = [], titleWords: [String] = []
            #expect(record.searchBody?.forEachTerm(below: after.count) { number, _ in words.append(after[Int(number)]) } == true)
            #expect(record.searchBody?.forEachHeadTerm(below: after.count) { number, fields in
                if fields & PostingCode.title != 0 { titleWords.append(after[Int(number)]) }
            } == true)
            #expect(words.contains("harbour") && titleWords.contains(term("Story")))
        }
        try state.save(to: site.options.cacheFile)
        try site.write(article(title: "Story 1", date: "2025-03-01T10:00:00Z", "topics: [Desk 1]", body: "Changed harbour."),
                       to: "Content/story-1.md")
        try site.build()
        try site.expectSameAsColdBuild()
    }

    @Test func theCacheSurvivesARestart() throws {
        let site = try archive()
        defer { site.delete() }
        let sink = DiskSink(root: site.options.output)
        let (_, state) = try Builder(options: site.options).build(into: sink, state: BuildState())
        try state.save(to: site.options.cacheFile)
        let loaded = BuildState.load(from: site.options.cacheFile)
        #expect(loaded.searchKey == state.searchKey && loaded.searchTerms == state.searchTerms)
        #expect(loaded.sources.count == state.sources.count)
        for (path, record) in state.sources {
            #expect(loaded.sources[path]?.searchBody == record.searchBody)
        }
        try site.write(article(title: "Story 5", date: "2025-03-05T10:00:00Z", "topics: [Desk 5]", body: "A new harbour."),
                       to: "Content/story-5.md")
        let untouched = site.modified("2025/03/01/story-1/index.html")
        let (_, next) = try Builder(options: site.options).build(into: DiskSink(root: site.options.output), state: loaded)
        #expect(site.modified("2025/03/01/story-1/index.html") == untouched)
        #expect(next.sources.records.allSatisfy { $0.searchBody != nil })
        try site.expectSameAsColdBuild()
    }

    @Test func otherMarkdownSettingsAnalyzeEveryBodyAgain() throws {
        let site = try archive()
        defer { site.delete() }
        try site.write(article(title: "Story 1", date: "2025-03-01T10:00:00Z", "topics: [Desk 1]",
                               body: "<div>Hidden unless unsafe</div>\n\nShown."), to: "Content/story-1.md")
        try site.build()
        #expect(try site.postings("hidden") == nil)
        let key = BuildState.load(from: site.options.cacheFile).searchKey
        try site.write("title: T\nbase_url: https://example.org/\nmarkdown: {unsafe: true}\n", to: "site.yml")
        try site.build()
        #expect(try site.postings("hidden")?[2] == [id(1)])
        #expect(BuildState.load(from: site.options.cacheFile).searchKey != key)
        try site.expectSameAsColdBuild()
    }
}
