import Foundation

/// Lists the files under a folder, skipping names that start with `_` or `.`, in a stable order.
///
/// A symbolic link is followed only when it leads to a place inside the root; one that leads outside,
/// or back into a folder being walked (a loop), is reported instead.
struct FileWalk {
    let root: URL
    let paths: DisplayPaths
    private(set) var diagnostics: [Diagnostic] = []
    private let realRoot: String

    init(root: URL, paths: DisplayPaths) {
        self.root = root
        self.paths = paths
        realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    mutating func files(matching include: (URL) -> Bool) -> [URL] {
        var found: [URL] = []
        var visiting: Set<String> = [realRoot]
        walk(root, into: &found, visiting: &visiting, include: include)
        return found
    }

    private mutating func walk(_ folder: URL, into found: inout [URL], visiting: inout Set<String>, include: (URL) -> Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                let target = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error("symbolic link leads outside \(paths.display(root)) (to \(target)); it is not followed", in: paths.display(url)))
                    continue
                }
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                    diagnostics.append(.error("symbolic link leads nowhere (\(target))", in: paths.display(url)))
                    continue
                }
                if isDirectory.boolValue {
                    guard visiting.insert(target).inserted else {
                        diagnostics.append(.error("symbolic link loop: \(paths.display(url)) leads back into a folder being read", in: paths.display(url)))
                        continue
                    }
                    walk(url, into: &found, visiting: &visiting, include: include)
                    visiting.remove(target)
                    continue
                }
            } else if attributes?[.type] as? FileAttributeType == .typeDirectory {
                walk(url, into: &found, visiting: &visiting, include: include)
                continue
            }
            if include(url) { found.append(url) }
        }
    }
}

/// Prints paths the way the user typed them: relative to the working folder when inside it.
public struct DisplayPaths: Sendable {
    public let workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
    }

    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if path.hasPrefix(workingDirectory + "/") { return String(path.dropFirst(workingDirectory.count + 1)) }
        return path
    }
}
