import Foundation
import Testing
@testable import GazetteServer

@Suite struct WatcherTests {
    /// A second `stop()` (the server stops the watcher on shutdown, and again when it goes away) must not
    /// write its wake-up byte into a descriptor number that another file or socket has taken since.
    @Test func stoppingTwiceWritesIntoNothingElse() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(targets: [.tree(folder.path)])
        #expect(watcher.method == "inotify")
        watcher.stop()
        try await Task.sleep(for: .milliseconds(200))
        // New descriptors, likely to get the numbers the watcher's thread would have closed.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        watcher.stop()
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        var byte: UInt8 = 0
        #expect(read(ends[0], &byte, 1) == -1)
    }

    @Test func aSaveIsReportedOnceItIsQuiet() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(targets: [.tree(folder.path)])
        defer { watcher.stop() }
        try Data("a".utf8).write(to: folder.appendingPathComponent("sub/a.md"))
        try Data("b".utf8).write(to: folder.appendingPathComponent(".hidden.swp"))
        var iterator = watcher.batches.makeAsyncIterator()
        let batch = try #require(await iterator.next())
        #expect(batch.paths == [folder.path + "/sub/a.md"])
    }
}
