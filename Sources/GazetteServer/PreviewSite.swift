import Dispatch
import Foundation
import GazetteCore
import Synchronization

/// The site as the server shows it: a build in memory, rebuilt incrementally on each change.
///
/// Builds go into a `MemorySink` (nothing is written to the output folder) with the `BuildState` of the
/// last build kept in memory, so a rebuild reads, renders and stores only what changed. A failed rebuild
/// leaves the sink as it was (the last good build stays served) and records its diagnostics for the overlay.
final class PreviewSite: Sendable {
    /// What pages are decorated with: which build they show, and the overlay when the last rebuild failed.
    struct Status: Sendable, Equatable {
        /// Moves at every rebuild that changed what a page shows (files, or the failure).
        var version = 0
        var failure: ErrorOverlay?
    }

    /// What one rebuild did.
    enum Outcome: Sendable {
        /// Built; `changed` is false when no file and no failure changed (nothing to reload).
        case built(BuildReport, changed: Bool)
        case failed([Diagnostic], changed: Bool)

        var changed: Bool {
            switch self {
            case .built(_, let changed), .failed(_, let changed): changed
            }
        }
    }

    let sink = MemorySink()
    private let builder: Mutex<Builder>
    private let state = Mutex(BuildState())
    private let current = Mutex(Status())
    /// Rebuilds run here, one at a time, off the threads that serve requests.
    private let queue = DispatchQueue(label: "gazette.preview.build", qos: .userInitiated)

    let paths: DisplayPaths
    private let now: Date?

    init(options: BuildOptions, paths: DisplayPaths, now: Date? = nil) {
        self.paths = paths
        self.now = now
        var builder = Builder(options: options, paths: paths)
        // Pages first: open pages are told to reload before the search index is written.
        builder.defersSearch = true
        self.builder = Mutex(builder)
    }

    var status: Status { current.withLock { $0 } }

    /// Sets the address every absolute link of the build starts with (the server's own, once bound).
    func setBaseURL(_ url: String) {
        builder.withLock { $0.options.baseURL = url }
    }

    /// Rebuilds what changed since the last build, off the caller's thread.
    func rebuild() async -> Outcome {
        await withCheckedContinuation { continuation in
            queue.async {
                let (outcome, retired, leftovers) = self.rebuildNow()
                continuation.resume(returning: outcome)
                // On this queue, so the next rebuild starts from the state with the index in it.
                self.finishSearch(outcome)
                // The last build's state (every article of the site) and what this build made on its way
                // are freed here, after the caller was resumed to tell the pages: freeing them takes
                // ~20 ms on a large archive.
                withExtendedLifetime((retired, leftovers)) {}
            }
        }
    }

    /// Writes the search index a build deferred. If that fails the state keeps the old index's record, and
    /// the next rebuild writes it again.
    private func finishSearch(_ outcome: Outcome) {
        guard case .built(let report, _) = outcome, let pending = report.pendingSearch else { return }
        // Moved out of the lock, not copied: storing the bodies would otherwise copy every source record.
        // Only this queue touches the state, and it is put back whatever happens.
        var next = state.withLock { current in
            defer { current = BuildState() }
            return current
        }
        defer { state.withLock { $0 = next } }
        do {
            try pending.finish(state: &next)
        } catch {
            FileHandle.standardError.write(Data("search index not updated: \(error.description)\n".utf8))
        }
    }

    /// The outcome, the state the build replaced and what the build made on its way (for the caller to free).
    private func rebuildNow() -> (Outcome, BuildState, BuildLeftovers?) {
        let builder = builder.withLock { builder in
            builder.options.now = now ?? Date()
            return builder
        }
        let generation = sink.generation
        let previous = state.withLock { $0 }
        do {
            var (report, next) = try builder.build(into: sink, state: previous)
            let leftovers = report.leftovers
            report.leftovers = nil
            state.withLock { $0 = next }
            let changed = current.withLock { status in
                let changed = sink.generation != generation || status.failure != nil
                if changed {
                    status.version += 1
                    status.failure = nil
                }
                return changed
            }
            return (.built(report, changed: changed), previous, leftovers)
        } catch {
            let overlay = ErrorOverlay(diagnostics: error.diagnostics.filter { $0.severity == .error })
            let changed = current.withLock { status in
                guard status.failure != overlay else { return false }
                status.version += 1
                status.failure = overlay
                return true
            }
            return (.failed(error.diagnostics, changed: changed), previous, nil)
        }
    }
}
