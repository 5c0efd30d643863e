import Foundation
import GazetteCore
import Synchronization

/// Shows a build's progress on one terminal line, once the build has run two seconds.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let start = ContinuousClock.now
    private let shown = Mutex(false)

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func show(_ progress: BuildProgress) {
        guard enabled, ContinuousClock.now - start > .seconds(2) else { return }
        shown.withLock { shown in
            shown = true
            let line = "\r\u{1B}[2K\(progress.stage): \(progress.done) of \(progress.total)"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the line so that what follows starts clean.
    func finish() {
        shown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
