import Foundation
import Testing
@testable import GazetteCore

/// A build that finds nothing changed tells so from the cache file alone (`UnchangedBuild`), without
/// waiting for the records in its parts; the passing of time, a touched file or changed output still
/// make it look further.
@Suite struct UnchangedBuildTests {
    static let now = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!

    func site() throws -> TestSite {
        try TestSite([
            "site.yml": "title: T\nbase_url: https://example.org/\n",
            "Content/one.md": article(title: "One", date: "2025-12-01T10:00:00Z", "topics: [Economy]"),
            // A warning, which every build reports until the file is mended.
            "Content/two.md": article(title: "Two", date: "2025-12-02T10:00:00Z", "image: {src: /a.jpg, alt: A, size: 3}"),
            "Content/three.md": article(title: "Three", date: "2025-12-03T10:00:00Z", "draft: true"),
        ])
    }

    /// Builds as `gazette build` does, and hands back the state too.
    func build(_ site: TestSite, now: Date = now) throws -> (report: BuildReport, state: BuildState) {
        var options = site.options
        options.now = now
        let builder = Builder(options: options, paths: DisplayPaths(workingDirectory: site.root.path))
        let sink = DiskSink(root: options.output)
        let result = try builder.build(into: sink, loading: BuildState.Loading(from: options.cacheFile, output: sink))
        if result.report.savesState { try result.state.save(to: options.cacheFile) }
        return result
    }

    @Test func reportsWhatAFullLookWouldWithoutTheRecords() throws {
        let site = try site()
        defer { site.delete() }
        let first = try build(site)
        #expect(!first.report.unchanged && first.state.hasRecords && first.report.articles == 2)
        let warnings = first.report.diagnostics
        #expect(warnings.count == 1 && warnings.first?.description.contains("image.size") == true)

        let (report, state) = try build(site)
        #expect(report.unchanged && report.filesRead == 0 && report.written == 0)
        #expect(report.articles == 2)
        #expect(report.diagnostics == warnings)
        // The records were not waited for, and such a state is never saved over the cache.
        #expect(!state.hasRecords && state.sources.isEmpty)
        #expect(throws: (any Error).self) { try state.save(to: site.options.cacheFile) }
        #expect(BuildState.load(from: site.options.cacheFile).sources.count == 3)
    }

    @Test func aStateHeldInMemoryKeepsItsRecords() throws {
        let site = try site()
        defer { site.delete() }
        let builder = Builder(options: site.options, paths: DisplayPaths(workingDirectory: site.root.path))
        let sink = DiskSink(root: site.options.output)
        let (_, state) = try builder.build(into: sink, state: BuildState())
        let (report, next) = try builder.build(into: sink, state: state)
        #expect(report.unchanged && next.hasRecords && next.sources.count == 3)
    }

    /// An article dated ahead comes out when its time comes, though no file changed.
    @Test func theTimeOfAnArticleDatedAheadEndsIt() throws {
        let site = try site()
        defer { site.delete() }
        try site.write(article(title: "Ahead", date: "2026-01-05T10:00:00Z"), to: "Content/ahead.md")
        try build(site)
        #expect(site.output("2026/01/05/ahead/index.html") == nil)
        let before = try build(site, now: Self.now.addingTimeInterval(86_400))
        #expect(before.report.unchanged && !before.state.hasRecords)
        let later = try build(site, now: ISO8601DateFormatter().date(from: "2026-01-05T10:00:00Z")!)
        #expect(!later.report.unchanged && later.report.articles == 3)
        #expect(site.output("2026/01/05/ahead/index.html") != nil)
    }

    /// The news sitemap lists the last 48 hours: an article leaves it with time alone.
    @Test func theEndOfAnArticlesNewsWindowEndsIt() throws {
        let site = try site()
        defer { site.delete() }
        try site.write(article(title: "Fresh", date: "2025-12-31T12:00:00Z"), to: "Content/fresh.md")
        try build(site)
        #expect(site.output("news-sitemap.xml")?.contains("fresh") == true)
        let inside = try build(site, now: ISO8601DateFormatter().date(from: "2026-01-02T11:00:00Z")!)
        #expect(inside.report.unchanged && !inside.state.hasRecords)
        let later = try build(site, now: ISO8601DateFormatter().date(from: "2026-01-02T12:00:00Z")!)
        #expect(!later.report.unchanged)
        #expect(site.output("news-sitemap.xml")?.contains("fresh") == false)
    }

    /// "Now" set back before an article's date takes the article out again (in the same year: the year is
    /// part of the key).
    @Test func aNowBeforeTheLastBuildsIsLookedAt() throws {
        let site = try site()
        defer { site.delete() }
        try build(site, now: ISO8601DateFormatter().date(from: "2025-12-20T00:00:00Z")!)
        #expect(site.output("2025/12/02/two/index.html") != nil)
        let earlier = try build(site, now: ISO8601DateFormatter().date(from: "2025-12-01T12:00:00Z")!)
        #expect(!earlier.report.unchanged && earlier.report.articles == 1)
        #expect(site.output("2025/12/02/two/index.html") == nil)
    }

    /// A build that looked at everything and changed nothing, but found that the time span it is valid for
    /// moved on (a draft's date passed), saves it: the builds after it are quick again.
    @Test func aRenewedSpanIsSaved() throws {
        let site = try site()
        defer { site.delete() }
        try site.write(article(title: "Draft ahead", date: "2026-01-05T10:00:00Z", "draft: true"), to: "Content/draft.md")
        try build(site)
        let passed = ISO8601DateFormatter().date(from: "2026-01-06T00:00:00Z")!
        let first = try build(site, now: passed)
        #expect(first.report.unchanged && first.report.renewsCache && first.report.savesState && first.state.hasRecords)
        let next = try build(site, now: passed.addingTimeInterval(60))
        #expect(next.report.unchanged && !next.state.hasRecords)
    }

    /// With `--future`, an article dated ahead is out from the start, but joins the news sitemap only when
    /// its time comes.
    @Test func aFutureArticleJoinsTheNewsSitemapInItsTime() throws {
        let site = try site()
        defer { site.delete() }
        try site.write(article(title: "Ahead", date: "2026-01-05T10:00:00Z"), to: "Content/ahead.md")
        var options = site.options
        options.includeFuture = true
        let builder = Builder(options: options, paths: DisplayPaths(workingDirectory: site.root.path))
        let sink = DiskSink(root: options.output)
        let (_, state) = try builder.build(into: sink, state: BuildState())
        #expect(site.output("news-sitemap.xml")?.contains("ahead") == false)
        options.now = ISO8601DateFormatter().date(from: "2026-01-05T12:00:00Z")!
        _ = try Builder(options: options, paths: DisplayPaths(workingDirectory: site.root.path)).build(into: sink, state: state)
        #expect(site.output("news-sitemap.xml")?.contains("ahead") == true)
    }

    /// The cache's thread told to stop: a build that takes the state after all gets the whole of it, once.
    @Test func aStoppedLoadingStillGivesTheWholeStateOnce() throws {
        let site = try site()
        defer { site.delete() }
        try build(site)
        let loading = BuildState.Loading(from: site.options.cacheFile)
        #expect(!loading.head.hasRecords && loading.head.unchanged != nil)
        loading.stop()
        let state = loading.take()
        #expect(state.hasRecords && state.sources.count == 3 && !state.outputs.isEmpty)
        #expect(loading.take().sources.isEmpty && loading.state.outputs.isEmpty)
    }

    /// The cache's parts decoded by several threads at once, as the cache's thread and the build's do:
    /// every part once, the records those of a load on one thread; told to stop, they leave the rest.
    @Test func partsDecodedByManyThreadsAreEachDecodedOnce() throws {
        let site = try site()
        defer { site.delete() }
        try build(site)
        let cache = site.options.cacheFile
        var state = BuildState.load(from: cache)
        let record = try #require(state.sources.records.first)
        state.sources = [:]
        for n in 0..<(BuildState.recordsPerPart * 40) { state.sources["/site/Content/\(n).md"] = record }
        try state.save(to: cache)
        let head = BuildState.readHead(from: cache)
        let parts = try #require(head.parts)
        #expect(parts.names.count > 32)
        let folder = BuildState.partsFolder(of: cache)
        let decoder = PartDecoder(parts.names, in: folder, stop: { false })
        DispatchQueue.concurrentPerform(iterations: 4) { _ in decoder.work() }
        let decoded = decoder.all()
        #expect(decoded.allSatisfy { $0 != nil })
        #expect(decoded.map { $0?.map(\.0) ?? [] } == parts.names.map { BuildState.decodePart($0, in: folder)?.map(\.0) ?? [] })
        let loaded = BuildState.withParts(parts, decoded, into: head.state, from: cache)
        #expect(loaded.recordBytes == BuildState.load(from: cache).recordBytes)

        let stopped = PartDecoder(parts.names, in: folder, stop: { true })
        stopped.work()
        #expect(stopped.all().allSatisfy { $0 == nil })
    }

    /// A file touched (same bytes, a new time) is read again, nothing is written, and the cache is saved
    /// with its new time: the build after is unchanged again.
    @Test func aTouchedFileIsReadAgain() throws {
        let site = try site()
        defer { site.delete() }
        try build(site)
        let file = site.root.appendingPathComponent("Content/one.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file.path)
        let (report, state) = try build(site)
        #expect(report.filesRead == 1 && report.written == 0 && state.hasRecords)
        let next = try build(site)
        #expect(next.report.unchanged && next.report.filesRead == 0 && !next.state.hasRecords)
    }

    /// A problem found while listing the content folder fails the build, however unchanged the files are.
    @Test func aLinkOutOfTheContentFolderStillFails() throws {
        let site = try site()
        defer { site.delete() }
        try build(site)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/elsewhere"), withDestinationURL: outside)
        #expect(throws: BuildFailure.self) { try build(site) }
    }

    /// Output changed by hand: the build looks at everything and writes it again.
    @Test func outputChangedByHandIsWrittenAgain() throws {
        let site = try site()
        defer { site.delete() }
        try build(site)
        let page = site.root.appendingPathComponent("Output/index.html")
        try "changed".write(to: page, atomically: false, encoding: .utf8)
        let (report, state) = try build(site)
        #expect(!report.unchanged && report.written == 1 && state.hasRecords)
        try site.expectSameAsColdBuild()
    }
}
