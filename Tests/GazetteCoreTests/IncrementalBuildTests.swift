import Foundation
import Testing
@testable import GazetteCore

@Suite struct IncrementalBuildTests {
    func archive() throws -> TestSite {
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\npage_size: 3\nfeed_size: 4\n"]
        for n in 1...12 {
            let topics = n % 3 == 0 ? "[Economy, Pakistan]" : (n % 3 == 1 ? "[Security]" : "[Pakistan]")
            let author = n % 4 == 0 ? "\nauthor: [Ayesha Khan, Omar Ali]" : (n % 4 == 1 ? "\nauthor: Ayesha Khan" : "")
            let short = n % 5 == 0 ? "\nshort: s\(n)\naliases: [/old/\(n)/]" : ""
            files["Content/2025/story-\(n).md"] = article(title: "Story \(n)", date: "2025-0\(1 + n % 9)-1\(n % 10)T10:00:00Z",
                                                          "topics: \(topics)\(author)\(short)", body: "Body of story \(n).")
        }
        files["Content/2024/lonely.md"] = article(title: "Lonely", date: "2024-02-02", "topics: [Lonely]", body: "Alone.")
        return try TestSite(files)
    }

    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let site = try archive()
        defer { site.delete() }
        let first = try site.build()
        #expect(first.written > 0 && !first.unchanged)
        let stamp = site.modified("index.html")
        let second = try site.build()
        #expect(second.unchanged)
        #expect(second.written == 0 && second.rendered == 0)
        #expect(second.summary.contains("nothing changed"))
        #expect(site.modified("index.html") == stamp)
    }

    /// `gazette build` reads the cache on another thread while it lists the content folder: what it
    /// gets is the cache on disk, however often it is asked.
    @Test func theCacheReadOnAnotherThreadIsTheCacheOnDisk() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let direct = BuildState.load(from: site.options.cacheFile)
        let loading = BuildState.Loading(from: site.options.cacheFile)
        #expect(!direct.outputs.isEmpty && direct.sources.count == 13)
        for _ in 0..<2 {
            #expect(loading.state.outputs == direct.outputs)
            #expect(loading.state.sources.paths.sorted() == direct.sources.paths.sorted())
            #expect(loading.state.inputsKey == direct.inputsKey && loading.state.parseKey == direct.parseKey)
        }
        #expect(BuildState.Loading(from: site.root.appendingPathComponent("missing")).state.outputs.isEmpty)
        // A build takes it over, so that it can update the records in place; nothing is kept behind.
        #expect(loading.take().sources.count == 13)
        #expect(loading.state.sources.isEmpty && loading.state.outputs.isEmpty)
    }

    @Test func anEditRendersOnlyThePagesThatShowTheArticle() throws {
        let site = try archive()
        defer { site.delete() }
        let first = try site.build()
        let untouched = site.modified("2025/03/12/story-2/index.html")
        try site.write(article(title: "Story 1", date: "2025-02-11T10:00:00Z", "topics: [Security]", body: "A new body."),
                       to: "Content/2025/story-1.md")
        let second = try site.build()
        #expect(!second.unchanged)
        #expect(second.rendered > 0 && second.rendered < first.rendered / 2)
        #expect(site.output("2025/02/11/story-1/index.html")?.contains("A new body.") == true)
        #expect(site.modified("2025/03/12/story-2/index.html") == untouched)
        try site.expectSameAsColdBuild()
    }

    /// The sitemap is made again only when a URL or a date in it changes: a body edit keeps it, an
    /// `updated` date, a new article or fewer of them (past the limit, parts come and go) remake it as a
    /// cold build would.
    @Test func theSitemapFollowsDatesAndPagesNotBodies() throws {
        let site = try archive()
        defer { site.delete() }
        let limit: (inout BuildOptions) -> Void = { $0.sitemapLimit = 8 }
        func expectSitemapsAsCold() throws {
            let cold = try site.copySources()
            defer { cold.delete() }
            try cold.build(limit)
            let sitemaps = { (s: TestSite) in s.snapshot().filter { $0.key.hasPrefix("sitemap") } }
            #expect(sitemaps(site) == sitemaps(cold))
        }
        try site.build(limit)
        let parts = site.outputFiles().filter { $0.hasPrefix("sitemap-") }.count
        #expect(parts > 1)
        let stamp = site.modified("sitemap-1.xml")
        try site.write(article(title: "Story 1", date: "2025-02-11T10:00:00Z", "topics: [Security]", body: "A new body."),
                       to: "Content/2025/story-1.md")
        try site.build(limit)
        #expect(site.modified("sitemap-1.xml") == stamp)
        try expectSitemapsAsCold()

        try site.write(article(title: "Story 1", date: "2025-02-11T10:00:00Z", "topics: [Security]\nupdated: 2025-06-01T08:00:00Z",
                               body: "A new body."), to: "Content/2025/story-1.md")
        try site.build(limit)
        #expect(site.snapshot().filter { $0.key.hasPrefix("sitemap-") }.values.contains { String(decoding: $0, as: UTF8.self).contains("2025-06-01") })
        try expectSitemapsAsCold()

        for n in 13...30 {
            try site.write(article(title: "More \(n)", date: "2025-07-\(n)T10:00:00Z", "topics: [More \(n)]"), to: "Content/2025/more-\(n).md")
        }
        try site.build(limit)
        #expect(site.outputFiles().filter { $0.hasPrefix("sitemap-") }.count > parts)
        try expectSitemapsAsCold()
        for n in 13...30 { try site.remove("Content/2025/more-\(n).md") }
        try site.build(limit)
        #expect(site.outputFiles().filter { $0.hasPrefix("sitemap-") }.count == parts)
        try expectSitemapsAsCold()
    }

    @Test func aDeletedArticleTakesItsPagesAndEmptiedTopicsWithIt() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.write("notes", to: "Output/topics/lonely/notes.txt")
        try site.write("mine", to: "Output/keep.txt")
        #expect(site.exists("Output/2024/02/02/lonely/index.html"))
        #expect(site.exists("Output/archive/2024/index.html"))
        try site.remove("Content/2024/lonely.md")
        let report = try site.build()
        #expect(report.removed > 0)
        #expect(!site.exists("Output/2024/02/02/lonely/index.html"))
        #expect(!site.exists("Output/2024"))  // emptied folders go too
        #expect(!site.exists("Output/topics/lonely/index.html"))
        #expect(!site.exists("Output/topics/lonely/feed.xml"))
        #expect(!site.exists("Output/archive/2024/index.html"))
        // files Gazette never wrote stay, and so does the folder that holds one
        #expect(site.output("topics/lonely/notes.txt") == "notes")
        #expect(site.output("keep.txt") == "mine")
        try site.remove("Output/topics/lonely/notes.txt")
        try site.remove("Output/keep.txt")
        try site.expectSameAsColdBuild()
    }

    /// A rebuild updates the last build's records where files changed, came or went: the cache then
    /// holds exactly the files there are, so the build after it has nothing to do.
    @Test func theCacheKeepsOneRecordPerFileThroughAddsEditsAndDeletions() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        func recordedPaths() -> [String] {
            BuildState.load(from: site.options.cacheFile).sources.paths.map { ($0 as NSString).lastPathComponent }.sorted()
        }
        #expect(recordedPaths().count == 13)
        try site.remove("Content/2025/story-3.md")
        try site.remove("Content/2025/story-7.md")
        try site.write(article(title: "New", date: "2025-09-09T10:00:00Z", "topics: [Pakistan]", body: "New story."), to: "Content/2025/new.md")
        try site.write(article(title: "Story 5 again", date: "2025-06-15T10:00:00Z", "topics: [Security]", body: "Edited."),
                       to: "Content/2025/story-5.md")
        try site.build()
        let expected = (["lonely.md", "new.md"] + (1...12).filter { $0 != 3 && $0 != 7 }.map { "story-\($0).md" }).sorted()
        #expect(recordedPaths() == expected)
        #expect(BuildState.load(from: site.options.cacheFile).sources.records.contains { $0.article.title == "Story 5 again" })
        #expect(try site.build().unchanged)
        try site.expectSameAsColdBuild()
    }

    @Test func fewerArticlesMeanFewerPages() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        #expect(site.exists("Output/page/5/index.html"))
        for n in 1...9 { try site.remove("Content/2025/story-\(n).md") }
        try site.build()
        #expect(!site.exists("Output/page/5/index.html"))
        #expect(!site.exists("Output/page/3/index.html"))
        try site.expectSameAsColdBuild()
    }

    @Test func renamesTemplateEditsAndSettingsAreFollowed() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.write(article(title: "Story 5", date: "2025-06-15T10:00:00Z", "topics: [Pakistan]\nslug: renamed"), to: "Content/2025/story-5.md")
        try site.build()
        #expect(!site.exists("Output/2025/06/15/story-5/index.html"))
        #expect(site.exists("Output/2025/06/15/renamed/index.html"))
        try site.expectSameAsColdBuild()

        let footer = try String(contentsOf: site.root.appendingPathComponent("Templates/partials/footer.mustache"), encoding: .utf8)
        try site.write(footer.replacingOccurrences(of: "<footer", with: "<!-- new footer -->\n<footer"), to: "Templates/partials/footer.mustache")
        let report = try site.build()
        #expect(report.rendered == report.pages)
        #expect(site.output("archive/index.html")?.contains("<!-- new footer -->") == true)
        try site.expectSameAsColdBuild()

        try site.write("title: Renamed site\nbase_url: https://example.org/\npage_size: 4\nfeed_size: 4\n", to: "site.yml")
        try site.build()
        #expect(site.output("index.html")?.contains("Renamed site") == true)
        try site.expectSameAsColdBuild()
    }

    /// The settings and the theme are followed in an archive of many articles too: the build's key once
    /// forgot them behind the paths of the articles after them (thirty-odd sufficed), and a changed
    /// `site.yml` or template gave "nothing changed".
    @Test func settingsAndTemplatesAreFollowedInALargerArchive() throws {
        var files = ["site.yml": "title: First name\nbase_url: https://example.org/\n"]
        for n in 1...60 {
            files["Content/2025/a-story-with-a-long-enough-file-name-\(n).md"] = article(title: "Story \(n)", date: "2025-03-0\(1 + n % 9)T10:00:00Z")
        }
        let site = try TestSite(files)
        defer { site.delete() }
        try site.build()
        try site.write("title: Second name\nbase_url: https://example.org/\n", to: "site.yml")
        #expect(try !site.build().unchanged)
        #expect(site.output("index.html")?.contains("Second name") == true)
        let footer = try String(contentsOf: site.root.appendingPathComponent("Templates/partials/footer.mustache"), encoding: .utf8)
        try site.write(footer.replacingOccurrences(of: "<footer", with: "<!-- new footer -->\n<footer"), to: "Templates/partials/footer.mustache")
        #expect(try !site.build().unchanged)
        #expect(site.output("index.html")?.contains("<!-- new footer -->") == true)
        try site.expectSameAsColdBuild()
    }

    @Test func bylinesRelatedCoverageAndRedirectsFollowEdits() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        #expect(site.exists("Output/authors/omar-ali/index.html"))
        #expect(site.exists("Output/s/s5/index.html"))
        // A new article by a known author, in a busy topic, near others in time.
        try site.write(article(title: "Story 13", date: "2025-04-12T11:00:00Z", "topics: [Pakistan, Economy]\nauthor: Omar Ali\nshort: s13"),
                       to: "Content/2025/story-13.md")
        try site.build()
        #expect(site.output("authors/omar-ali/index.html")?.contains("Story 13") == true)
        try site.expectSameAsColdBuild()
        // The byline's spelling most articles use names the author everywhere.
        for n in [4, 8, 12] {
            try site.write(article(title: "Story \(n)", date: "2025-0\(1 + n % 9)-1\(n % 10)T10:00:00Z",
                                   "topics: [Pakistan]\nauthor: [Ayesha Khan, OMAR ALI]", body: "Body of story \(n)."),
                           to: "Content/2025/story-\(n).md")
        }
        try site.build()
        #expect(site.output("2025/04/12/story-13/index.html")?.contains("OMAR ALI") == true)
        try site.expectSameAsColdBuild()
        // A short id and an alias that go away take their redirect pages with them.
        try site.write(article(title: "Story 5", date: "2025-06-15T10:00:00Z", "topics: [Pakistan]"), to: "Content/2025/story-5.md")
        try site.build()
        #expect(!site.exists("Output/s/s5/index.html") && !site.exists("Output/old/5/index.html"))
        try site.expectSameAsColdBuild()
        // Corrections move the article's modified date in its page and the feeds.
        try site.write(article(title: "Story 7", date: "2025-08-17T10:00:00Z", "topics: [Security]\ncorrections:\n  - {date: 2025-09-01, text: A name was misspelt.}"),
                       to: "Content/2025/story-7.md")
        try site.build()
        #expect(site.output("2025/08/17/story-7/index.html")?.contains("A name was misspelt.") == true)
        try site.expectSameAsColdBuild()
    }

    @Test func aDeferredSearchIndexEndsAsTheSameFiles() throws {
        let site = try archive()
        defer { site.delete() }
        let deferring = site.deferringBuilder
        let sink = MemorySink()
        var (report, state) = try deferring.build(into: sink, state: BuildState())
        #expect(sink.files.keys.allSatisfy { !SearchIndexLayout.isIndexFile($0) })  // pages first
        try #require(report.pendingSearch).finish(state: &state)
        try site.write(article(title: "Story 2", date: "2025-03-12T10:00:00Z", "topics: [Pakistan]", body: "A body about floods."),
                       to: "Content/2025/story-2.md")
        (report, state) = try deferring.build(into: sink, state: state)
        #expect(sink["2025/03/12/story-2/index.html"]?.contains("floods") == true)
        try #require(report.pendingSearch).finish(state: &state)
        // The same files as a build that writes everything at once.
        let whole = MemorySink()
        _ = try Builder(options: site.options, paths: DisplayPaths(workingDirectory: site.root.path)).build(into: whole)
        #expect(Set(sink.files.keys) == Set(whole.files.keys))
        for (path, bytes) in whole.files where sink.files[path] != bytes { Issue.record("\(path) differs") }
        // And the state knows the index: nothing changed, nothing to do.
        #expect(try deferring.build(into: sink, state: state).report.unchanged)
    }

    @Test func aStaleFileSomeoneReplacedIsLeftAlone() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.write("my own page now", to: "Output/2024/02/02/lonely/index.html")
        try site.remove("Content/2024/lonely.md")
        try site.build()
        #expect(site.output("2024/02/02/lonely/index.html") == "my own page now")
        #expect(!site.exists("Output/topics/lonely/index.html"))
    }

    @Test func listItemsShowNoNeighboursSoTheirFingerprintsHoldThem() throws {
        let site = try archive()
        defer { site.delete() }
        let list = try String(contentsOf: site.root.appendingPathComponent("Templates/partials/article-list.mustache"), encoding: .utf8)
        try site.write(list.replacingOccurrences(of: "<p class=\"summary\">", with: "<p>NEXT:{{#next}}{{title}}{{/next}}</p><p class=\"summary\">"),
                       to: "Templates/partials/article-list.mustache")
        try site.build()
        #expect(site.output("topics/security/index.html")?.contains("NEXT:</p>") == true)
        try site.write(article(title: "Story 9 renamed", date: "2025-01-19T10:00:00Z", "topics: [Pakistan, Economy]"), to: "Content/2025/story-9.md")
        try site.build()
        try site.expectSameAsColdBuild()
    }

    @Test func outputDeletedByHandIsWrittenAgain() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.remove("Output/topics/security/index.html")
        try site.write("tampered", to: "Output/feed.xml")
        let report = try site.build()
        #expect(!report.unchanged)
        #expect(site.exists("Output/topics/security/index.html"))
        try site.expectSameAsColdBuild()
    }

    @Test func cleanRemovesOnlyGazettesOwnFiles() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.write("mine", to: "Output/keep.txt")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site.root.appendingPathComponent("Output/index.html").path)
        try site.build(clean: true)
        #expect(site.modified("index.html") != old)  // written again
        #expect(site.output("keep.txt") == "mine")
        try site.remove("Output/keep.txt")
        try site.expectSameAsColdBuild()
    }

    @Test func aDamagedCacheMeansAFullBuild() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try site.write("not a cache", to: ".gazette/cache")
        try site.write(article(title: "Story 3", date: "2025-04-13T10:00:00Z", "topics: [Economy]", body: "Changed."), to: "Content/2025/story-3.md")
        let report = try site.build()
        #expect(report.rendered == report.pages)
        try site.expectSameAsColdBuild()
    }

    /// The cache of another output folder is named by a hash of the folder's path that no version
    /// changes: a new Gazette finds the last build's cache there, and with it the stale files to remove.
    /// (The name is the one earlier versions gave this path.)
    @Test func anotherOutputFoldersCacheKeepsItsName() {
        var options = BuildOptions(site: URL(fileURLWithPath: "/tmp/cn/site"))
        options.output = URL(fileURLWithPath: "/tmp/cn/a-long-output-folder-for-the-cache-name")
        #expect(options.cacheFile.lastPathComponent == "cache-ccd8e7d5ee11ce35")
        #expect(BuildOptions(site: URL(fileURLWithPath: "/tmp/cn/site")).cacheFile.lastPathComponent == "cache")
    }

    @Test func aCacheFromAnotherVersionStillNamesTheStaleFiles() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        // Damage the source records only: the manifest before them stays readable.
        let cache = site.root.appendingPathComponent(".gazette/cache")
        var bytes = try [UInt8](Data(contentsOf: cache))
        let state = BuildState.load(from: cache)
        bytes.replaceSubrange(bytes.count - 8..<bytes.count, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        try Data(bytes).write(to: cache)
        let reloaded = BuildState.load(from: cache)
        #expect(reloaded.sources.isEmpty && reloaded.outputs == state.outputs)
        try site.remove("Content/2024/lonely.md")
        try site.build()
        #expect(!site.exists("Output/topics/lonely/index.html"))
        try site.expectSameAsColdBuild()
    }

    /// Related coverage depends on every article's date and topics: the cache keeps the lists, an edit of
    /// a body keeps them as they are, an edit of a topic or a date makes them again, and every build's
    /// output is a cold build's.
    @Test func relatedCoverageIsKeptUntilADateOrATopicChanges() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let cache = site.root.appendingPathComponent(".gazette/cache")
        let first = try #require(BuildState.load(from: cache).related)
        #expect(first.lists.count == 13)
        try site.write(article(title: "Story 3", date: "2025-04-13T10:00:00Z", "topics: [Economy, Pakistan]", body: "A longer body of story 3."),
                       to: "Content/2025/story-3.md")
        try site.build()
        #expect(BuildState.load(from: cache).related == first)
        try site.expectSameAsColdBuild()
        try site.write(article(title: "Story 3", date: "2025-04-13T10:00:00Z", "topics: [Security]", body: "A longer body of story 3."),
                       to: "Content/2025/story-3.md")
        try site.build()
        let second = try #require(BuildState.load(from: cache).related)
        #expect(second.key != first.key && second.lists != first.lists)
        try site.expectSameAsColdBuild()
        try site.write(article(title: "Story 3", date: "2024-12-30T10:00:00Z", "topics: [Security]", body: "A longer body of story 3."),
                       to: "Content/2025/story-3.md")
        try site.build()
        #expect(try #require(BuildState.load(from: cache).related).key != second.key)
        try site.expectSameAsColdBuild()
    }

    /// The cache keeps the records in parts by path, each part a file, and names again the last cache's
    /// parts none of whose records changed: after each kind of change only the changed files' parts are
    /// encoded and written, the parts no longer listed are removed, the saved records are the build's
    /// (`TestSite.build` checks that, and the part files, after every build of every test), and the
    /// output is a cold build's.
    @Test func theCacheWritesOnlyThePartsOfChangedRecords() throws {
        func story(_ n: Int, extra: String = "") -> String {
            article(title: "Story \(n)", date: "2025-0\(1 + n % 9)-1\(n % 10)T10:\(10 + n % 50):00Z", "topics: [T\(n % 7)]",
                    body: "First paragraph of story \(n).\n\nSecond paragraph.\(extra)")
        }
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\n"]
        for n in 0..<600 { files["Content/2025/story-\(n).md"] = story(n) }
        let site = try TestSite(files)
        defer { site.delete() }
        let cache = site.options.cacheFile
        let count = BuildState.partCount(records: 600)
        #expect(count == 4)
        #expect(try site.buildAndSave().encodedParts == count)
        let folder = try #require(BuildState.load(from: cache).sources.paths.first { $0.hasSuffix("/story-0.md") }).dropLast("story-0.md".count)
        func parts(_ names: String...) -> Int {
            Set(names.map { BuildState.part(of: folder + $0, count: count) }).count
        }
        #expect(try site.buildAndSave().encodedParts == 0)  // nothing changed
        // A paragraph added after the first, so that no other page shows the change.
        let before = Set(site.partFiles)
        #expect(before.count == count)
        let modified = Dictionary(uniqueKeysWithValues: try site.partFiles.map { ($0, try #require(site.modified(atSitePath: ".gazette/cache-parts/\($0)"))) })
        try site.write(story(7, extra: "\n\nA third paragraph."), to: "Content/2025/story-7.md")
        #expect(try site.buildAndSave().encodedParts == parts("story-7.md"))
        // One part file replaced; the others not written again.
        let after = Set(site.partFiles)
        #expect(after.subtracting(before).count == 1 && before.subtracting(after).count == 1)
        for name in after.intersection(before) {
            #expect(site.modified(atSitePath: ".gazette/cache-parts/\(name)") == modified[name]!)
        }
        try site.expectSameAsColdBuild()
        // The same bytes written again: a new modification time in the record.
        try site.write(story(8), to: "Content/2025/story-8.md")
        #expect(try site.buildAndSave().encodedParts == parts("story-8.md"))
        try site.write(story(600), to: "Content/2025/story-600.md")
        try site.remove("Content/2025/story-9.md")
        #expect(try site.buildAndSave().encodedParts == parts("story-600.md", "story-9.md"))
        try site.expectSameAsColdBuild()
        // Parsed with another time zone, every record is made again.
        try site.write("title: T\nbase_url: https://example.org/\ntime_zone: Asia/Karachi\n", to: "site.yml")
        #expect(try site.buildAndSave().encodedParts == count)
        try site.expectSameAsColdBuild()
    }

    @Test func theCacheRoundTripsEveryArticleField() throws {
        let site = try TestSite([
            "Content/a.md": """
            ---
            title: "All fields"
            date: 2025-11-19T10:00:00+05:00
            updated: 2025-11-20
            topics: [A, B]
            summary: S
            highlights: [H1, H2]
            dateline: KARACHI
            author: Writer
            image: {src: /a.jpg, alt: Alt, caption: Cap, credit: AFP}
            short: ab12
            extra: {nested: [1, 2.5, true, null, text]}
            ---
            Body
            """,
        ])
        defer { site.delete() }
        try site.build()
        let state = BuildState.load(from: site.root.appendingPathComponent(".gazette/cache"))
        let record = try #require(state.sources.records.first)
        var writer = BinaryWriter()
        writer.write(record.article)
        var reader = BinaryReader(writer.bytes)
        let copy = try reader.article()
        var again = BinaryWriter()
        again.write(copy)
        #expect(again.bytes == writer.bytes)
        #expect(copy.title == "All fields" && copy.image?.credit == "AFP" && copy.short == "ab12" && copy.highlights == ["H1", "H2"])
    }

    /// The cache file's head (the manifest of every output file, the term list) is written out as it is
    /// encoded, a window at a time: one several windows long comes back whole, every entry once.
    @Test func aManifestLongerThanAWindowRoundTrips() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let cache = site.root.appendingPathComponent(".gazette/cache")
        var state = BuildState.load(from: cache)
        for n in 0..<40_000 {
            state.outputs["2025/03/\(n % 28 + 1)/a-long-enough-slug-for-a-story-\(n)/index.html"] =
                OutputRecord(hash: UInt64(n) &* 0x9E37_79B9_7F4A_7C15, stamp: FileStamp(size: n, modified: n * 1_000), fingerprint: UInt64(n))
        }
        try state.save(to: cache)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: cache.path)[.size] as? Int)
        #expect(size > 3 * BuildState.headWindow)
        let loaded = BuildState.load(from: cache)
        #expect(loaded.outputs == state.outputs)
        #expect(loaded.searchTerms == state.searchTerms)
        #expect(loaded.recordBytes == state.recordBytes)
    }

    /// The records are saved in parts decoded on several threads: every part comes back, and one damaged
    /// part loses the records (a full build follows) but not the manifest.
    @Test func sourceRecordsInManyPartsRoundTrip() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let cache = site.root.appendingPathComponent(".gazette/cache")
        var state = BuildState.load(from: cache)
        let record = try #require(state.sources.records.first)
        // More parts than are encoded and written at once.
        let count = BuildState.recordsPerPart * BuildState.partsPerWindow * 2 + 7
        state.sources = [:]
        for n in 0..<count { state.sources["/site/Content/\(n).md"] = record }
        #expect(try state.save(to: cache) == BuildState.partCount(records: count))
        var loaded = BuildState.load(from: cache)
        #expect(loaded.sources.count == count)
        #expect(loaded.sources["/site/Content/\(count - 1).md"]?.article.title == record.article.title)
        #expect(loaded.outputs == state.outputs)
        #expect(loaded.recordBytes == state.recordBytes)
        // Saved again as it was read, every part is named again; with one record changed by the build, one part is encoded.
        #expect(try loaded.save(to: cache) == 0)
        loaded = BuildState.load(from: cache)
        loaded._sources["/site/Content/5.md"]?.stamp.size += 1
        loaded.changedSources = ["/site/Content/5.md"]
        #expect(try loaded.save(to: cache) == 1)
        #expect(BuildState.load(from: cache).recordBytes == loaded.recordBytes)
        #expect(BuildState.load(from: cache).sources["/site/Content/5.md"]?.stamp == loaded.sources["/site/Content/5.md"]?.stamp)

        // A part damaged (its length kept), missing, or altered: every record is lost, not the manifest.
        let partsFolder = URL(fileURLWithPath: BuildState.partsFolder(of: cache))
        let part = partsFolder.appendingPathComponent(try #require(site.partFiles.sorted().dropFirst(5).first))
        let intact = try Data(contentsOf: part)
        var bytes = [UInt8](intact)
        // Longer than a record, so lengths and counts inside the part are among the damaged bytes.
        let middle = bytes.count / 3
        bytes.replaceSubrange(middle..<middle + 4096, with: [UInt8](repeating: 0xFF, count: 4096))
        try Data(bytes).write(to: part)
        let damaged = BuildState.load(from: cache)
        #expect(damaged.sources.isEmpty && damaged.outputs == state.outputs)
        try FileManager.default.removeItem(at: part)
        let missing = BuildState.load(from: cache)
        #expect(missing.sources.isEmpty && missing.outputs == state.outputs)
        // One letter of a title changed: the part still decodes, but its bytes are not the ones its name
        // is the hash of.
        var altered = [UInt8](intact)
        let title = try #require(altered.firstRange(of: Array(record.article.title.utf8)))
        altered[title.lowerBound] ^= 0x01
        try Data(altered).write(to: part)
        #expect(BuildState.load(from: cache).sources.isEmpty)
        try intact.write(to: part)
        #expect(BuildState.load(from: cache).recordBytes == loaded.recordBytes)
    }

    /// Paths that differ only in their middle (a number, a date) spread over every part: an empty part
    /// is a part file for nothing, and a crowded one makes an edit write more.
    @Test func recordsSpreadOverEveryPart() {
        for (records, pattern) in [(8_199, { (n: Int) in "/site/Content/\(n).md" }),
                                   (10_000, { (n: Int) in "/srv/archive/Content/20\(10 + n % 15)/story-\(n).md" })] {
            let count = BuildState.partCount(records: records)
            var sizes = [Int](repeating: 0, count: count)
            for n in 0..<records { sizes[BuildState.part(of: pattern(n), count: count)] += 1 }
            let mean = Double(records) / Double(count)
            #expect(sizes.min()! > 0, "\(records) records: an empty part")
            #expect(Double(sizes.max()!) < mean * 2, "\(records) records: a part of \(sizes.max()!), the mean \(mean)")
        }
    }

    /// A part damaged in place keeps its name and length: a later save that encodes the same records in
    /// the same order gives the same name, and must replace the damaged file, not take it for the part.
    @Test func aDamagedPartIsWrittenAgain() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        let cache = site.options.cacheFile
        var state = BuildState.load(from: cache)
        #expect(!state.sources.isEmpty)
        // Saved from this state, so that saving it again gives the same bytes (a record's place in its
        // part follows the table's order).
        state.sources = state.sources
        try state.save(to: cache)
        let folder = URL(fileURLWithPath: BuildState.partsFolder(of: cache))
        for name in site.partFiles {
            let part = folder.appendingPathComponent(name)
            var bytes = try [UInt8](Data(contentsOf: part))
            bytes.replaceSubrange(8..<bytes.count, with: [UInt8](repeating: 0xFF, count: bytes.count - 8))
            try Data(bytes).write(to: part)
        }
        #expect(BuildState.load(from: cache).sources.isEmpty)
        // Every part encoded again, as after a full build.
        state.sources = state.sources
        #expect(try state.save(to: cache) == BuildState.partCount(records: state.sources.count))
        #expect(BuildState.load(from: cache).recordBytes == state.recordBytes)
    }

    /// A cache whose part files are gone (or were never all written) gives a full build, which writes
    /// them again, and the output is a cold build's.
    @Test func aCacheWithoutItsPartsMeansAFullBuild() throws {
        let site = try archive()
        defer { site.delete() }
        try site.build()
        try FileManager.default.removeItem(atPath: BuildState.partsFolder(of: site.options.cacheFile))
        try site.write(article(title: "Story 3", date: "2025-04-13T10:00:00Z", "topics: [Economy]", body: "Changed."), to: "Content/2025/story-3.md")
        let report = try site.build()
        #expect(report.filesRead == report.articles)
        #expect(!site.partFiles.isEmpty)
        try site.expectSameAsColdBuild()
        // Leftovers of a save cut short (a part's temporary file, a part no cache lists) go at the next save.
        try site.write("x", to: ".gazette/cache-parts/.0123456789abcdef.tmp")
        try site.write("x", to: ".gazette/cache-parts/0123456789abcdef")
        // An edit, so that the build saves (an unchanged build saves nothing).
        try site.write(article(title: "Story 3", date: "2025-04-13T10:00:00Z", "topics: [Economy]", body: "Changed again."), to: "Content/2025/story-3.md")
        try site.build()
        #expect(!site.partFiles.contains(".0123456789abcdef.tmp") && !site.partFiles.contains("0123456789abcdef"))
    }
}
