import Foundation

/// Watches the site's sources and reports changes in batches: a burst of saves (an editor writing a
/// temporary file and renaming it, or several files at once) gives one batch once things are quiet.
///
/// On Linux it uses inotify (folders watched recursively, new subfolders added as they appear); where
/// inotify cannot be had, or when asked, it polls the files' sizes and modification times instead.
final class FileWatcher: Sendable {
    /// A folder to watch (with its subfolders when `recursive`), or only the entry `name` inside it.
    struct Target: Sendable, Equatable {
        var folder: String
        var recursive: Bool
        var name: String?

        static func tree(_ folder: String) -> Self { Self(folder: folder, recursive: true, name: nil) }
        static func file(_ path: String) -> Self {
            let url = URL(fileURLWithPath: path)
            return Self(folder: url.deletingLastPathComponent().path, recursive: false, name: url.lastPathComponent)
        }
    }

    enum Mode: Sendable, Equatable {
        /// inotify, or polling every 250 ms when inotify is not available.
        case automatic
        case polling(interval: Duration)
    }

    /// Changes seen together.
    struct Batch: Sendable {
        /// The paths that changed (for the log; the build finds what changed on its own).
        var paths: Set<String>
        /// When the first change of the batch was seen: where a save-to-reload time starts.
        var firstChange: ContinuousClock.Instant
    }

    /// One batch after each burst of changes; batches that come while one is being handled wait their turn.
    let batches: AsyncStream<Batch>
    private let continuation: AsyncStream<Batch>.Continuation
    private let backend: any WatchBackend
    /// "inotify" or "polling".
    let method: String

    /// Starts watching at once (before the first build, so that no save is missed).
    ///
    /// - Parameters:
    ///   - quietPeriod: how long nothing must change before a burst is reported.
    init(targets: [Target], mode: Mode = .automatic, quietPeriod: Duration = .milliseconds(30)) {
        (batches, continuation) = AsyncStream.makeStream()
        let emit: @Sendable (Batch) -> Void = { [continuation] in continuation.yield($0) }
        #if canImport(Glibc)
        if mode == .automatic, let inotify = InotifyBackend(targets: targets, quietPeriod: quietPeriod, emit: emit) {
            backend = inotify
            method = "inotify"
            backend.start()
            return
        }
        #endif
        var interval = Duration.milliseconds(250)
        if case .polling(let asked) = mode { interval = asked }
        backend = PollingBackend(targets: targets, interval: interval, emit: emit)
        method = "polling"
        backend.start()
    }

    /// Stops watching and ends `batches`.
    func stop() {
        backend.stop()
        continuation.finish()
    }

    deinit { stop() }

    /// Whether a changed entry can matter to a build: hidden files and editors' backups (`x.md~`) cannot.
    static func matters(_ name: some StringProtocol) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix("~")
    }
}

/// The part of a watcher that sees changes, on a thread of its own.
protocol WatchBackend: Sendable {
    func start()
    func stop()
}

/// Gathers the changes of one burst: due when nothing changed for the quiet period (or, in a long burst,
/// half a second after its first change, so that a stream of writes still shows up).
struct ChangeBurst {
    let quietPeriod: Duration
    private(set) var paths: Set<String> = []
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?
    static let longest = Duration.milliseconds(500)

    init(quietPeriod: Duration) {
        self.quietPeriod = quietPeriod
    }

    var isEmpty: Bool { first == nil }

    mutating func note(_ path: String, at now: ContinuousClock.Instant = .now) {
        paths.insert(path)
        if first == nil { first = now }
        last = now
    }

    /// When the burst is due, or nil when there is none.
    var deadline: ContinuousClock.Instant? {
        guard let first, let last else { return nil }
        return min(last + quietPeriod, first + Self.longest)
    }

    /// The batch, if it is due at `now`; the burst starts over.
    mutating func take(at now: ContinuousClock.Instant = .now) -> FileWatcher.Batch? {
        guard let first, let deadline, now >= deadline else { return nil }
        defer { self = ChangeBurst(quietPeriod: quietPeriod) }
        return FileWatcher.Batch(paths: paths, firstChange: first)
    }
}
