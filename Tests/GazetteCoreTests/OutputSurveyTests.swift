import Foundation
import Synchronization
import Testing
@testable import GazetteCore

/// A disk sink whose first `stamp` waits for `gate`, after signalling `entered`.
final class HeldSink: OutputSink, @unchecked Sendable {
    let disk: DiskSink
    let gate = DispatchSemaphore(value: 0), entered = DispatchSemaphore(value: 0)
    /// Set right before `gate` is signalled.
    let released = Atomic<Bool>(false)
    private let first = Atomic<Bool>(true)

    init(_ disk: DiskSink) { self.disk = disk }

    func stamp(of path: String) -> FileStamp? {
        if first.exchange(false, ordering: .acquiringAndReleasing) {
            entered.signal()
            gate.wait()
        }
        return disk.stamp(of: path)
    }

    func write(_ bytes: [UInt8], to path: String) throws(OutputError) -> FileStamp { try disk.write(bytes, to: path) }
    func remove(_ path: String) throws(OutputError) { try disk.remove(path) }
    func contents(of path: String) -> [UInt8]? { disk.contents(of: path) }
    func commit() throws(OutputError) { try disk.commit() }
    func discard() { disk.discard() }
}

@Suite struct OutputSurveyTests {
    /// The survey finds exactly the files that are gone or changed in size or time, with several threads
    /// claiming its chunks at once, and gives the same answer however often it is asked.
    @Test func findsExactlyTheFilesChangedSinceTheManifest() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-survey-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = DiskSink(root: root)
        // Several chunks' worth, in folders of a few files each, as article pages are.
        let paths = (0..<1_100).map { "\($0 / 7)/page-\($0)/index.html" }
        for path in paths { try sink.write(Array("page \(path)".utf8), to: path) }
        try sink.commit()
        var manifest: [String: OutputRecord] = [:]
        for path in paths { manifest[path] = OutputRecord(hash: 0, stamp: try #require(sink.stamp(of: path)), fingerprint: 0) }

        func file(_ path: String) -> String { root.appendingPathComponent(path).path }
        try Data("page, edited".utf8).write(to: URL(fileURLWithPath: file(paths[3])))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: file(paths[500]))
        try FileManager.default.removeItem(atPath: file(paths[1_099]))
        manifest["never/written.html"] = OutputRecord(hash: 0, stamp: FileStamp(size: 1, modified: 1), fingerprint: 0)
        // A folder where a file was: not a regular file, so changed.
        try FileManager.default.removeItem(atPath: file(paths[42]))
        try FileManager.default.createDirectory(atPath: file(paths[42]), withIntermediateDirectories: false)

        let survey = OutputSurvey(sink: sink, manifest: manifest)
        #expect(survey.count == paths.count + 1)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in survey.work() }
        let expected: Set = [paths[3], paths[42], paths[500], paths[1_099], "never/written.html"]
        #expect(survey.changed == expected)
        #expect(survey.changed == expected)
        // Asked first, before any other thread worked: the asking thread does it all.
        #expect(OutputSurvey(sink: sink, manifest: manifest).changed == expected)
    }

    /// A thread that asks for the answer while another still holds a chunk waits for that chunk: the
    /// answer is never given with a chunk missing.
    @Test func theAnswerWaitsForChunksUnderWayOnOtherThreads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-survey-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let disk = DiskSink(root: root)
        let paths = (0..<600).map { "p\($0).html" }
        for path in paths { try disk.write(Array(path.utf8), to: path) }
        try disk.commit()
        var manifest: [String: OutputRecord] = [:]
        for path in paths { manifest[path] = OutputRecord(hash: 0, stamp: try #require(disk.stamp(of: path)), fingerprint: 0) }
        // Every file changed: a chunk left out would leave its paths out of the answer.
        for path in paths { try Data("changed".utf8).write(to: root.appendingPathComponent(path)) }
        let sink = HeldSink(disk)
        let survey = OutputSurvey(sink: sink, manifest: manifest)
        DispatchQueue.global().async { survey.work() }
        sink.entered.wait()  // the other thread holds its first chunk
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            sink.released.store(true, ordering: .releasing)
            sink.gate.signal()
        }
        let changed = survey.changed
        let waited = sink.released.load(ordering: .acquiring)
        #expect(waited)
        #expect(changed == Set(paths))
    }

    /// The cache's thread looks only at the files of the sink it was given, when the cache is of a build
    /// into that sink's folder.
    @Test func theCachesThreadLooksOnlyAtItsOwnOutputFolder() throws {
        let site = try TestSite(["site.yml": "title: T\nbase_url: https://example.org/\n", "Content/a.md": article(title: "A")])
        defer { site.delete() }
        try site.build()
        let manifest = BuildState.load(from: site.options.cacheFile).outputs
        let sink = DiskSink(root: site.options.output)
        let loading = BuildState.Loading(from: site.options.cacheFile, output: sink)
        #expect(loading.outputSurvey(of: sink)?.count == manifest.count)
        #expect(loading.outputSurvey(of: DiskSink(root: site.options.output)) == nil)  // another sink
        let elsewhere = DiskSink(root: site.root.appendingPathComponent("Elsewhere"))
        #expect(BuildState.Loading(from: site.options.cacheFile, output: elsewhere).outputSurvey(of: elsewhere) == nil)
        #expect(BuildState.Loading(from: site.options.cacheFile).outputSurvey(of: sink) == nil)
        let none = DiskSink(root: site.options.output)
        #expect(BuildState.Loading(from: site.root.appendingPathComponent("no-cache"), output: none).outputSurvey(of: none) == nil)
    }

    /// `gazette build` looks at the last build's files on the cache's thread: an edit and a file changed by
    /// hand in the same rebuild get the edited pages and the changed file written again, and nothing else.
    @Test func anEditAndAFileChangedByHandAreBothWrittenAgain() throws {
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\npage_size: 3\n"]
        for n in 1...9 {
            files["Content/2025/story-\(n).md"] = article(title: "Story \(n)", date: "2025-03-1\(n)T10:00:00Z",
                                                          "topics: [\(n % 2 == 0 ? "Economy" : "Security")]", body: "Body \(n).")
        }
        let site = try TestSite(files)
        defer { site.delete() }
        try site.build()
        let untouched = site.modified("topics/economy/index.html")
        // A file the edit does not touch: only the look at the last build's files can tell it changed.
        try site.write("changed by hand", to: "Output/topics/economy/feed.xml")
        try site.write(article(title: "Story 1", date: "2025-03-11T10:00:00Z", "topics: [Security]", body: "Body 1, edited."),
                       to: "Content/2025/story-1.md")
        let report = try site.build()
        #expect(!report.unchanged && report.written > 1)
        #expect(site.output("topics/security/feed.xml")?.contains("Body 1, edited.") == true)
        #expect(site.output("topics/economy/feed.xml")?.hasPrefix("<?xml") == true)
        #expect(site.modified("topics/economy/index.html") == untouched)
        try site.expectSameAsColdBuild()
    }
}
