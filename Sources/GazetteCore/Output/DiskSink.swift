import Foundation
import Synchronization

/// Writes a build into a folder so that the old output stays whole until the new one is complete.
///
/// Each file is first written to a temporary file beside its target (`.name.gazette-tmp`, same folder,
/// so the final step is a `rename`, which is atomic). `commit` renames them all into place; a build that
/// fails calls `discard`, which removes the temporary files and the folders this build created, so the
/// output folder is as it was. At every moment each path holds the old file or the new one, whole.
public final class DiskSink: OutputSink {
    public let root: URL
    private let rootPath: String
    private let staged = Mutex<[(temporary: String, target: String)]>([])
    private let removals = Mutex<[String]>([])
    /// Folders known to exist, and those this build created (to remove them if it fails).
    private let folders = Mutex<(known: Set<Substring>, created: [String])>(([], []))
    /// Set by `cancel`: writes still under way remove their own temporary files.
    private let cancelled = Atomic<Bool>(false)
    /// Writes between creating their temporary file and recording (or removing) it.
    private let writing = Atomic<Int>(0)

    /// The root, opened once it exists, for stamps (-1 until then).
    private let rootFolder = Atomic<CInt>(-1)

    public static let temporarySuffix = ".gazette-tmp"

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    deinit {
        let folder = rootFolder.load(ordering: .acquiring)
        if folder >= 0 { close(folder) }
    }

    public func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try OutputPath.validate(path)
        let target = rootPath + "/" + path
        let slash = path.lastIndex(of: "/")
        if let slash { try makeFolder(path[..<slash]) } else { try makeFolder("") }
        let name = slash.map { path[path.index(after: $0)...] } ?? Substring(path)
        let temporary = (slash.map { rootPath + "/" + path[..<$0] } ?? rootPath) + "/." + name + Self.temporarySuffix
        writing.add(1, ordering: .acquiringAndReleasing)
        defer { writing.subtract(1, ordering: .acquiringAndReleasing) }
        guard !cancelled.load(ordering: .acquiring) else { throw OutputError(path: path, message: "the build was cancelled") }
        guard FileIO.write(bytes, to: temporary) else {
            let problem = FileIO.lastError
            unlink(temporary)
            throw OutputError(path: path, message: "cannot write: \(problem)")
        }
        let kept = staged.withLock { staged in
            // Checked under the lock `discard` takes: a file written after it ran removes itself.
            guard !cancelled.load(ordering: .acquiring) else { return false }
            staged.append((temporary, target))
            return true
        }
        if !kept { unlink(temporary) }
    }

    /// Stops the build from any thread (Ctrl-C): removes every temporary file and the folders the build
    /// created, and makes writes still under way remove theirs. The output folder is left as it was.
    public func cancel() {
        staged.withLock { _ in cancelled.store(true, ordering: .releasing) }
        // The process exits next: let writes under way finish removing their files first.
        while writing.load(ordering: .acquiring) > 0 { usleep(1000) }
        discard()
    }

    /// Removes the temporary files a build that was killed left behind (`*.gazette-tmp` under the root).
    public func removeLeftovers() {
        guard let walker = FileManager.default.enumerator(atPath: rootPath) else { return }
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(Self.temporarySuffix) { unlink(rootPath + "/" + relative) }
        }
    }

    public func commit() throws(OutputError) {
        let files = staged.withLock { files in
            defer { files = [] }
            return files
        }
        // Renames are independent of each other: on every core.
        do {
            try eachInParallel(Array(files.indices)) { n throws(OutputError) in
                guard rename(files[n].temporary, files[n].target) == 0 else {
                    let relative = String(files[n].target.dropFirst(rootPath.count + 1))
                    throw OutputError(path: relative, message: "cannot move into place: \(FileIO.lastError)")
                }
            }
        } catch {
            // Those not moved are removed: no temporary file outlives a failed commit.
            for (temporary, _) in files { unlink(temporary) }
            throw error
        }
        folders.withLock { $0.created = [] }
        let removed = removals.withLock { paths in
            defer { paths = [] }
            return paths
        }
        guard !removed.isEmpty else { return }
        let replaced = Set(files.map(\.target))
        for path in removed where !replaced.contains(rootPath + "/" + path) { removeWithEmptyFolders(path) }
    }

    public func remove(_ path: String) throws(OutputError) {
        try OutputPath.validate(path)
        removals.withLock { $0.append(path) }
    }

    public func stamp(of path: String) -> FileStamp? {
        // Called for every page a build keeps or writes: relative to the root, the path is half as long to walk.
        guard let folder = openedRoot() else { return FileStamp.of(rootPath + "/" + path) }
        return FileStamp.of(path, in: folder)
    }

    /// The root folder's descriptor, opened by the first call after it exists (the first write creates it).
    private func openedRoot() -> CInt? {
        let known = rootFolder.load(ordering: .acquiring)
        if known >= 0 { return known }
        let opened = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        let (stored, current) = rootFolder.compareExchange(expected: -1, desired: opened, ordering: .acquiringAndReleasing)
        if stored { return opened }
        close(opened)  // another thread opened it first
        return current
    }

    public func contents(of path: String) -> [UInt8]? {
        FileIO.read(rootPath + "/" + path)
    }

    /// Unlinks a stale file, then the folders above it that it leaves empty (never the root). Nothing is
    /// removed through a symbolic link in the output folder.
    private func removeWithEmptyFolders(_ path: String) {
        var prefix = Substring(path)
        while let slash = prefix.lastIndex(of: "/") {
            prefix = prefix[..<slash]
            var info = stat()
            guard lstat(rootPath + "/" + prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        }
        guard unlink(rootPath + "/" + path) == 0 || errno == ENOENT else { return }
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            guard rmdir(rootPath + "/" + folder) == 0 else { return }
        }
    }

    public func discard() {
        let files = staged.withLock { files in
            defer { files = [] }
            return files
        }
        for (temporary, _) in files { unlink(temporary) }
        removals.withLock { $0 = [] }
        let created = folders.withLock { folders in
            defer { folders = ([], []) }
            return folders.created
        }
        for folder in created.reversed() { rmdir(folder) }
    }

    /// Creates `relative` under the root, and the folders above it, remembering which it created.
    /// A symbolic link inside the output folder is never written through: it could lead anywhere.
    private func makeFolder(_ relative: Substring) throws(OutputError) {
        if folders.withLock({ $0.known.contains(relative) }) { return }
        if let slash = relative.lastIndex(of: "/") {
            try makeFolder(relative[..<slash])
        } else if !relative.isEmpty {
            try makeFolder("")
        }
        let full = relative.isEmpty ? rootPath : rootPath + "/" + relative
        var info = stat()
        if lstat(full, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK, !relative.isEmpty {
                throw OutputError(path: String(relative), message: "refusing to write through a symbolic link in the output folder")
            }
            guard kind == S_IFDIR || kind == S_IFLNK else {
                throw OutputError(path: String(relative), message: "cannot create folder: a file is in the way")
            }
        } else if mkdir(full, 0o755) == 0 {
            // The root and the sections in it (years, topics, …) head large trees of their own.
            if !relative.contains("/") { FileIO.markTopOfHierarchy(full) }
            folders.withLock { $0.created.append(full) }
        } else if errno != EEXIST {
            throw OutputError(path: String(relative), message: "cannot create folder: \(FileIO.lastError)")
        }
        folders.withLock { _ = $0.known.insert(relative) }
    }
}

/// The few system calls a build writes with, without Foundation's per-call overhead.
enum FileIO {
    /// Writes `bytes` to a new file at `path` (replacing one that is there).
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        write([bytes], to: path)
    }

    /// Writes `chunks` one after the other to a new file at `path` (replacing one that is there).
    static func write(_ chunks: [[UInt8]], to path: String) -> Bool {
        // O_NOFOLLOW: a link planted where the temporary file goes is not written through.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return chunks.allSatisfy { write($0, to: fd) }
    }

    private static func write(_ bytes: [UInt8], to fd: CInt) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// The whole file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        // One byte more than the file, so that reading to its end needs no larger buffer (and no copy).
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeLast(bytes.count - offset)
        return bytes
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Sets ext4's "top of directory hierarchy" flag (`chattr +T`) on a folder, so the folders made in
    /// it are spread over the disk's block groups instead of packed beside their parent. Without a
    /// journal, ext4 skips inodes freed in the last minutes when it allocates, one by one: a build
    /// right after the previous output (or another tool's) was deleted otherwise spends most of its
    /// time in that scan. Other file systems do not know the flag; nothing changes there.
    static func markTopOfHierarchy(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var flags: CInt = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return }
        flags |= topOfHierarchy
        _ = ioctl(fd, setFlags, &flags)
    }

    // From linux/fs.h, which Glibc does not bring in.
    private static let getFlags: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
    private static let setFlags: UInt = 0x4008_6602  // FS_IOC_SETFLAGS
    private static let topOfHierarchy: CInt = 0x0002_0000  // FS_TOPDIR_FL

    static var lastError: String { String(cString: strerror(errno)) }
}
