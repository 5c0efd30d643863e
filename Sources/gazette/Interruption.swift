import Dispatch
import Foundation
import GazetteCore
import Synchronization

/// Makes an interrupted build leave nothing behind. Ctrl-C (or SIGTERM) cancels the sink, which removes
/// the build's temporary files, and exits. Once the new output is in place, the build goes on to save
/// the cache that lists its files (by which the next build removes stale ones) and stops after
/// (`wasInterrupted`). A build killed outright cannot clean up: a marker file beside the cache says a
/// build is under way, and the next build that finds it removes the leftovers.
final class Interruption {
    private let marker: URL
    private let sources: [any DispatchSourceSignal]
    private let state = State()

    /// True when Ctrl-C came after the new output was in place: the command stops once its cache is saved.
    var wasInterrupted: Bool { state.afterCommit.load(ordering: .acquiring) }

    /// Shared with the signal handlers.
    private final class State: Sendable {
        let afterCommit = Atomic<Bool>(false)
        /// Set by `finish`, under which the handler runs: once the command ends on its own, a late
        /// signal does not end it a second time.
        let finished = Mutex(false)
    }

    init(marker: URL, sink: DiskSink) {
        self.marker = marker
        let state = state
        if FileManager.default.fileExists(atPath: marker.path) { sink.removeLeftovers() }
        try? FileManager.default.createDirectory(at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
        // One queue for both signals: their handlers run one after the other, never together.
        let queue = DispatchQueue(label: "gazette.interruption")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [state] in
                state.finished.withLock { finished in
                    guard !finished else { return }
                    guard sink.cancel() else {
                        state.afterCommit.store(true, ordering: .releasing)
                        return
                    }
                    unlink(marker.path)
                    FileHandle.standardError.write(Data("\ninterrupted: the output folder is as it was\n".utf8))
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    /// Waits while Ctrl-C's handler cleans up and ends the process; returns if it found the new output
    /// in place instead (`wasInterrupted`), and the command goes on.
    func waitForTheEnd() {
        while !wasInterrupted { usleep(10_000) }
    }

    /// The build ended (well or with errors): nothing is left to clean.
    func finish() {
        state.finished.withLock { $0 = true }
        for source in sources { source.cancel() }
        unlink(marker.path)
    }
}
