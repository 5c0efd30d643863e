import Foundation
import GazetteCore
import Synchronization

/// Polling: every `interval`, the size and modification time of every file under the targets, compared
/// with the last look. For file systems where inotify sees nothing (network mounts, some containers).
final class PollingBackend: WatchBackend {
    private let targets: [FileWatcher.Target]
    private let interval: Duration
    private let emit: @Sendable (FileWatcher.Batch) -> Void
    private let stopped = Mutex(false)

    init(targets: [FileWatcher.Target], interval: Duration, emit: @escaping @Sendable (FileWatcher.Batch) -> Void) {
        self.targets = targets
        self.interval = interval
        self.emit = emit
    }

    func start() {
        let initial = scan()
        let thread = Thread { [self] in run(from: initial) }
        thread.name = "gazette.poll"
        thread.start()
    }

    func stop() {
        stopped.withLock { $0 = true }
    }

    private func run(from initial: [String: FileStamp]) {
        var last = initial
        while !stopped.withLock({ $0 }) {
            Thread.sleep(forTimeInterval: interval.seconds)
            let now = scan()
            guard now != last else { continue }
            var changed = Set(now.filter { last[$0.key] != $0.value }.keys)
            changed.formUnion(last.keys.filter { now[$0] == nil })
            last = now
            if !stopped.withLock({ $0 }) { emit(FileWatcher.Batch(paths: changed, firstChange: .now)) }
        }
    }

    /// Every file the targets cover, with its stamp.
    private func scan() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for target in targets {
            if let name = target.name {
                let path = target.folder + "/" + name
                if let stamp = FileStamp.of(path) { stamps[path] = stamp }
            } else {
                walk(target.folder, into: &stamps)
            }
        }
        return stamps
    }

    private func walk(_ folder: String, into stamps: inout [String: FileStamp]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where FileWatcher.matters(entry) {
            let path = folder + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &stamps)
            case S_IFREG: stamps[path] = FileStamp(info)
            // A link: the stamp of the file it leads to.
            default: if let stamp = FileStamp.of(path) { stamps[path] = stamp }
            }
        }
    }
}
