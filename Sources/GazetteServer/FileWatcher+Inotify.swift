import Foundation
#if canImport(Glibc)
import Glibc
import Synchronization

/// inotify: one watch per folder, events read on a thread of their own, which also adds watches for
/// folders that appear (created, or moved in) and reports bursts once they are quiet.
///
/// The folder above each watched tree is watched too, for that tree's name only: a `Templates/` that is
/// moved away and back (or replaced) is watched again.
///
/// Its mutable state (`watches`) is touched by `init` and then only by its thread. The thread closes the
/// inotify descriptor when it ends; the wake-up pipe is closed only in `deinit`, so that a late `stop()`
/// can never write into a descriptor number that has since been reused by another file or socket.
final class InotifyBackend: WatchBackend, @unchecked Sendable {
    private struct Watch {
        var folder: String
        var recursive: Bool
        /// Only these entries of the folder matter (`site.yml`, `Templates`); nil: all of them.
        var names: Set<String>?
    }

    private let fd: Int32
    private let wake: (read: Int32, write: Int32)
    private let stopped = Mutex(false)
    private var watches: [Int32: Watch] = [:]
    /// The folders watched with everything under them.
    private let trees: Set<String>
    private let quietPeriod: Duration
    private let emit: @Sendable (FileWatcher.Batch) -> Void

    // From <sys/inotify.h>.
    private static let closeWrite: UInt32 = 0x8, movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80, create: UInt32 = 0x100,
                       delete: UInt32 = 0x200, deleteSelf: UInt32 = 0x400, moveSelf: UInt32 = 0x800,
                       overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000, onlyDir: UInt32 = 0x0100_0000,
                       exclUnlink: UInt32 = 0x0400_0000, isDir: UInt32 = 0x4000_0000
    private static let mask = closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf | onlyDir | exclUnlink

    /// Set when a watch could not be added for want of resources (`fs.inotify.max_user_watches`).
    private var outOfWatches = false

    /// Nil when inotify cannot be had, or cannot cover every folder (no more instances, or watches):
    /// the watcher polls instead.
    init?(targets: [FileWatcher.Target], quietPeriod: Duration, emit: @escaping @Sendable (FileWatcher.Batch) -> Void) {
        fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else { return nil }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(fd)
            return nil
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wake = (ends[0], ends[1])
        self.quietPeriod = quietPeriod
        self.emit = emit
        trees = Set(targets.filter(\.recursive).map(\.folder))
        for target in targets {
            if target.recursive {
                addTree(target.folder)
                let url = URL(fileURLWithPath: target.folder)
                add(Watch(folder: url.deletingLastPathComponent().path, recursive: false, names: [url.lastPathComponent]))
            } else {
                add(Watch(folder: target.folder, recursive: false, names: target.name.map { [$0] }))
            }
        }
        if outOfWatches {
            close(fd)
            return nil
        }
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "gazette.watch"
        thread.start()
    }

    /// Wakes the thread to end it; only the first call does anything.
    func stop() {
        guard stopped.withLock({ stopped in defer { stopped = true }; return !stopped }) else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }

    private func run() {
        var burst = ChangeBurst(quietPeriod: quietPeriod)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var polls = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            var timeout: Int32 = -1
            if let deadline = burst.deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                timeout = max(0, Int32(left.seconds * 1000) + 1)
            }
            let ready = poll(&polls, 2, timeout)
            if ready < 0, errno != EINTR { break }
            if polls[1].revents != 0 { break }
            if polls[0].revents & Int16(POLLIN) != 0 { readEvents(into: &burst, buffer: &buffer) }
            if let batch = burst.take() { emit(batch) }
        }
        close(fd)
    }

    private func readEvents(into burst: inout ChangeBurst, buffer: inout [UInt8]) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self), into: &burst)
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into burst: inout ChangeBurst) {
        if mask & Self.overflow != 0 {
            // Events were lost: the build will find what changed from the files' stamps.
            burst.note("(many files)")
            return
        }
        guard let watch = watches[wd] else { return }
        if mask & Self.ignored != 0 {
            watches[wd] = nil
            return
        }
        if let names = watch.names, !names.contains(name) { return }
        guard name.isEmpty || FileWatcher.matters(name) else { return }
        let path = name.isEmpty ? watch.folder : watch.folder + "/" + name
        if mask & Self.isDir != 0, mask & (Self.create | Self.movedTo) != 0, watch.recursive || trees.contains(path) {
            // A new folder (or a watched tree put back): watch it, and count what it already holds as changed.
            addTree(path)
            burst.note(path)
        } else if mask & (Self.closeWrite | Self.movedTo | Self.movedFrom | Self.delete | Self.deleteSelf | Self.moveSelf) != 0 {
            burst.note(path)
        } else if mask & Self.create != 0, mask & Self.isDir == 0 {
            // A new file: wait for the write that fills it (IN_CLOSE_WRITE), unless it is a link, written by no one.
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { burst.note(path) }
        }
    }

    /// Watches `folder` and every folder under it (not hidden ones, and not through symbolic links).
    private func addTree(_ folder: String) {
        add(Watch(folder: folder, recursive: true, names: nil))
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where FileWatcher.matters(entry) {
            let path = folder + "/" + entry
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { addTree(path) }
        }
    }

    private func add(_ watch: Watch) {
        let wd = inotify_add_watch(fd, watch.folder, Self.mask)
        guard wd >= 0 else {
            if errno == ENOSPC || errno == ENOMEM { outOfWatches = true }
            return
        }
        if var existing = watches[wd] {
            // The same folder twice (the site's folder, for site.yml and above Content/): keep the wider watch.
            existing.recursive = existing.recursive || watch.recursive
            if let names = existing.names, let more = watch.names {
                existing.names = names.union(more)
            } else {
                existing.names = nil
            }
            watches[wd] = existing
        } else {
            watches[wd] = watch
        }
    }
}
#endif
