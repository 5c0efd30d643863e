import Foundation

/// Lists the files under a folder, skipping names that start with `.` (and `_`, for content), in a stable order,
/// with each file's stamp (size and modification time) from the same system call.
///
/// A symbolic link is followed only when it leads to a place inside the root; one that leads outside,
/// or back into a folder being walked (a loop), is reported instead.
struct FileWalk {
    struct Entry: Sendable {
        /// The absolute path.
        var path: String
        var stamp: FileStamp
    }

    let root: URL
    let paths: DisplayPaths
    private(set) var diagnostics: [Diagnostic] = []
    private let realRoot: String
    /// Content skips `_drafts/` and `_notes.md`; a theme's files are all its own.
    let skipsUnderscored: Bool

    init(root: URL, paths: DisplayPaths, skipsUnderscored: Bool = true) {
        self.root = root
        self.paths = paths
        self.skipsUnderscored = skipsUnderscored
        realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    mutating func files(matching include: (String) -> Bool) -> [Entry] {
        var found: [Entry] = []
        var visiting: Set<String> = [realRoot]
        walk(root.path, into: &found, visiting: &visiting, include: include)
        return found
    }

    private mutating func walk(_ folder: String, into found: inout [Entry], visiting: inout Set<String>, include: (String) -> Bool) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        for name in Self.names(in: directory) where !name.hasPrefix(".") && !(skipsUnderscored && name.hasPrefix("_")) {
            let path = folder + "/" + name
            var info = stat()
            // Relative to the open folder: the kernel does not walk the whole path again for each file.
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            var kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                let display = paths.display(URL(fileURLWithPath: path))
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error("symbolic link leads outside \(paths.display(root)) (to \(target)); it is not followed", in: display))
                    continue
                }
                guard stat(path, &info) == 0 else {
                    diagnostics.append(.error("symbolic link leads nowhere (\(target))", in: display))
                    continue
                }
                kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    guard visiting.insert(target).inserted else {
                        diagnostics.append(.error("symbolic link loop: it leads back into a folder being read", in: display))
                        continue
                    }
                    walk(path, into: &found, visiting: &visiting, include: include)
                    visiting.remove(target)
                    continue
                }
            }
            if kind == S_IFDIR {
                walk(path, into: &found, visiting: &visiting, include: include)
            } else if kind == S_IFREG, include(name) {
                let stamp = FileStamp(info)
                found.append(Entry(path: path, stamp: stamp))
            }
        }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The names in an open folder, sorted.
    private static func names(in directory: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(directory) {
            // Read the name where it lies: `entry.pointee` would copy a whole `dirent`, and the last entry
            // of readdir's buffer can be shorter than that, ending right before an unmapped page.
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// Prints paths the way the user typed them: relative to the working folder when inside it.
public struct DisplayPaths: Sendable {
    public let workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
    }

    public func display(_ url: URL) -> String {
        display(path: url.standardizedFileURL.path)
    }

    /// The display form of an absolute, standardised path.
    public func display(path: String) -> String {
        if path.hasPrefix(workingDirectory + "/") { return String(path.dropFirst(workingDirectory.count + 1)) }
        return path
    }
}
