import Foundation
import Synchronization

/// Writes a build into a folder so that the old output stays whole until the new one is complete.
///
/// Each file is first written to a temporary file beside its target (`.name.gazette-tmp`, same folder,
/// so the final step is a `rename`, which is atomic). `commit` renames them all into place; a build that
/// fails calls `discard`, which removes the temporary files and the folders this build created, so the
/// output folder is as it was. At every moment each path holds the old file or the new one, whole.
///
/// When the output folder is not there at all (a first build, or after `rm -rf Output`), the whole
/// output is written under its final names into a folder beside it (`.Output.gazette-tmp`), and
/// `commit` renames that one folder into place: one rename instead of one per file.
public final class DiskSink: OutputSink {
    public let root: URL
    private let rootPath: String
    /// Where a build writes when the output folder does not exist yet.
    private let stagingPath: String
    private let staged = Mutex<[(temporary: String, target: String)]>([])
    private let removals = Mutex<[String]>([])
    /// Folders known to exist, with where they are now (under the staging folder until the commit),
    /// and those this build created (to remove them if it fails).
    private let folders = Mutex<(known: [Substring: String], created: [String])>(([:], []))
    /// True from the first write of a build into a missing output folder until its commit.
    private let isStaging = Atomic<Bool>(false)
    /// Set by `cancel`: writes still under way remove their own temporary files.
    private let cancelled = Atomic<Bool>(false)
    /// Writes between creating their temporary file and recording (or removing) it, and a commit
    /// under way: `cancel` waits for them.
    private let writing = Atomic<Int>(0)
    /// Set when a commit starts moving files into place: after that, a cancelled build leaves the new output.
    private let committing = Atomic<Bool>(false)
    private let discarding = Mutex(())

    /// The root, opened once it exists, for stamps (-1 until then).
    private let rootFolder = Atomic<CInt>(-1)

    public static let temporarySuffix = ".gazette-tmp"

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
        stagingPath = self.root.deletingLastPathComponent().path + "/." + self.root.lastPathComponent + Self.temporarySuffix
    }

    deinit {
        let folder = rootFolder.load(ordering: .acquiring)
        if folder >= 0 { close(folder) }
    }

    @discardableResult
    public func write(_ bytes: [UInt8], to path: String) throws(OutputError) -> FileStamp {
        try OutputPath.validate(path)
        // Under way from before its folders are made: `cancel` removes the staging folder only after.
        writing.add(1, ordering: .acquiringAndReleasing)
        defer { writing.subtract(1, ordering: .acquiringAndReleasing) }
        guard !cancelled.load(ordering: .acquiring) else { throw OutputError(path: path, message: "the build was cancelled") }
        let slash = path.lastIndex(of: "/")
        let folder = try makeFolder(slash.map { path[..<$0] } ?? "")
        let name = slash.map { path[path.index(after: $0)...] } ?? Substring(path)
        let target = folder + "/" + name
        if isStaging.load(ordering: .acquiring) {
            // Nobody sees the staging folder: files go straight to their names in it.
            guard let stamp = FileIO.write(bytes, to: target) else {
                throw OutputError(path: path, message: "cannot write: \(FileIO.lastError)")
            }
            return stamp
        }
        let temporary = folder + "/." + name + Self.temporarySuffix
        guard let stamp = FileIO.write(bytes, to: temporary) else {
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
        // A rename keeps the file's size and modification time.
        return stamp
    }

    /// True once `cancel` was called: the build's writes fail from then on.
    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Stops the build from any thread (Ctrl-C): removes every temporary file and the folders the build
    /// created, and makes writes still under way remove theirs. A commit under way is let finish: its
    /// files are already written, and a rename at a time it is quick.
    ///
    /// - Returns: true when the output folder is as it was; false when a commit had started, so that
    ///   it holds this build's output.
    @discardableResult
    public func cancel() -> Bool {
        staged.withLock { _ in cancelled.store(true, ordering: .releasing) }
        // The process exits next: let writes under way finish removing their files first, and a commit
        // under way moving its files (cut short, it would leave temporary files behind).
        while writing.load(ordering: .acquiring) > 0 { usleep(1000) }
        discard()
        // The build's own discard (a failed build) may have taken the files first: let it end too.
        while writing.load(ordering: .acquiring) > 0 { usleep(1000) }
        return !committing.load(ordering: .acquiring)
    }

    /// Removes the temporary files a build that was killed left behind (`*.gazette-tmp` under the root,
    /// and the staging folder beside it).
    public func removeLeftovers() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        guard let walker = FileManager.default.enumerator(atPath: rootPath) else { return }
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(Self.temporarySuffix) { unlink(rootPath + "/" + relative) }
        }
    }

    public func commit() throws(OutputError) {
        writing.add(1, ordering: .acquiringAndReleasing)
        defer { writing.subtract(1, ordering: .acquiringAndReleasing) }
        // Checked under the lock `cancel` sets the flag under: either the commit sees it and moves
        // nothing, or `cancel` waits for the whole commit.
        let started = staged.withLock { _ in
            guard !cancelled.load(ordering: .acquiring) else { return false }
            committing.store(true, ordering: .releasing)
            return true
        }
        guard started else { throw OutputError(path: "", message: "the build was cancelled") }
        if isStaging.load(ordering: .acquiring) {
            defer { forgetFolders() }
            guard rename(stagingPath, rootPath) == 0 else {
                let problem = FileIO.lastError
                try? FileManager.default.removeItem(atPath: stagingPath)
                committing.store(false, ordering: .releasing)  // nothing moved
                throw OutputError(path: "", message: "cannot move the new output folder into place: \(problem)")
            }
            removals.withLock { $0 = [] }  // nothing was there to remove
            return
        }
        let files = staged.withLock { files in
            defer { files = [] }
            return files
        }
        // Renames are independent of each other: on every core.
        let moved = Atomic<Int>(0)
        do {
            try eachInParallel(Array(files.indices)) { n throws(OutputError) in
                guard rename(files[n].temporary, files[n].target) == 0 else {
                    let relative = String(files[n].target.dropFirst(rootPath.count + 1))
                    throw OutputError(path: relative, message: "cannot move into place: \(FileIO.lastError)")
                }
                moved.add(1, ordering: .relaxed)
            }
        } catch {
            // Those not moved are removed: no temporary file outlives a failed commit.
            for (temporary, _) in files { unlink(temporary) }
            // With nothing moved, the output folder is as it was.
            if moved.load(ordering: .relaxed) == 0 { committing.store(false, ordering: .releasing) }
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
        // Before the commit of a first build, nothing is there.
        if isStaging.load(ordering: .acquiring) { return nil }
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
        if isStaging.load(ordering: .acquiring) { return nil }
        return FileIO.read(rootPath + "/" + path)
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
        // Work under way for `cancel`, which must not let the process end while this removes files.
        writing.add(1, ordering: .acquiringAndReleasing)
        defer { writing.subtract(1, ordering: .acquiringAndReleasing) }
        // One at a time (the build's, after a failure, and Ctrl-C's): a folder is removed only once the
        // files in it are.
        discarding.withLock { _ in discardNow() }
    }

    private func discardNow() {
        let files = staged.withLock { files in
            defer { files = [] }
            return files
        }
        for (temporary, _) in files { unlink(temporary) }
        removals.withLock { $0 = [] }
        if isStaging.load(ordering: .acquiring) {
            try? FileManager.default.removeItem(atPath: stagingPath)
            forgetFolders()
            return
        }
        let created = folders.withLock { folders in
            defer { folders = ([:], []) }
            return folders.created
        }
        for folder in created.reversed() { rmdir(folder) }
    }

    /// After a commit or discard of a staged build: the folders are no longer where they were known.
    private func forgetFolders() {
        folders.withLock { $0 = ([:], []) }
        isStaging.store(false, ordering: .releasing)
    }

    /// Creates `relative` under the root, and the folders above it, remembering which it created, and
    /// returns its path now. A symbolic link inside the output folder is never written through: it could
    /// lead anywhere.
    private func makeFolder(_ relative: Substring) throws(OutputError) -> String {
        if let known = folders.withLock({ $0.known[relative] }) { return known }
        guard !relative.isEmpty else { return try makeRoot() }
        let slash = relative.lastIndex(of: "/")
        let parent = try makeFolder(slash.map { relative[..<$0] } ?? "")
        let full = parent + "/" + (slash.map { relative[relative.index(after: $0)...] } ?? relative)
        var info = stat()
        // In the staging folder, everything is this build's: nothing to look at first.
        if !isStaging.load(ordering: .acquiring), lstat(full, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                throw OutputError(path: String(relative), message: "refusing to write through a symbolic link in the output folder")
            }
            guard kind == S_IFDIR else {
                throw OutputError(path: String(relative), message: "cannot create folder: a file is in the way")
            }
        } else if mkdir(full, 0o755) == 0 {
            // The sections in the root (years, topics, …) head large trees of their own.
            if slash == nil { FileIO.markTopOfHierarchy(full) }
            folders.withLock { $0.created.append(full) }
        } else if errno != EEXIST {
            throw OutputError(path: String(relative), message: "cannot create folder: \(FileIO.lastError)")
        }
        folders.withLock { $0.known[relative] = full }
        return full
    }

    /// The output folder, or when it does not exist, the staging folder made for it (once, under the lock).
    private func makeRoot() throws(OutputError) -> String {
        try folders.withLock { folders throws(OutputError) -> String in
            if let known = folders.known[""] { return known }
            var info = stat()
            var path = rootPath
            if lstat(rootPath, &info) == 0 {
                // The root itself may be a link (an output folder kept elsewhere).
                let kind = info.st_mode & S_IFMT
                if kind == S_IFLNK, !FileIO.isFolder(rootPath) {
                    throw OutputError(path: "", message: "the output folder is a symbolic link that leads to no folder")
                }
                guard kind == S_IFDIR || kind == S_IFLNK else {
                    throw OutputError(path: "", message: "cannot create folder: a file is in the way")
                }
            } else {
                try? FileManager.default.removeItem(atPath: stagingPath)  // a killed build's
                guard mkdir(stagingPath, 0o755) == 0 else {
                    throw OutputError(path: "", message: "cannot create folder: \(FileIO.lastError)")
                }
                // The output folder heads a large tree of its own.
                FileIO.markTopOfHierarchy(stagingPath)
                path = stagingPath
                isStaging.store(true, ordering: .releasing)
            }
            folders.known[""] = path
            return path
        }
    }
}
