import Dispatch
import Foundation
import GazetteCore

/// Makes an interrupted build leave nothing behind. Ctrl-C (or SIGTERM) cancels the sink, which removes
/// the build's temporary files, and exits. A build killed outright cannot clean up: a marker file beside
/// the cache says a build is under way, and the next build that finds it removes the leftovers.
final class Interruption {
    private let marker: URL
    private let sources: [any DispatchSourceSignal]

    init(marker: URL, sink: DiskSink) {
        self.marker = marker
        if FileManager.default.fileExists(atPath: marker.path) { sink.removeLeftovers() }
        try? FileManager.default.createDirectory(at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let unchanged = sink.cancel()
                unlink(marker.path)
                let state = unchanged ? "the output folder is as it was" : "the new output was already in place"
                FileHandle.standardError.write(Data("\ninterrupted: \(state)\n".utf8))
                exit(130)
            }
            source.resume()
            return source
        }
    }

    /// The build ended (well or with errors): nothing is left to clean.
    func finish() {
        for source in sources { source.cancel() }
        unlink(marker.path)
    }
}
