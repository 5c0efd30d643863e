import Foundation

extension BuildOptions {
    /// Refuses an output folder that writing or cleaning could destroy: the root, the home folder, the
    /// site folder, its content or templates, or a folder that holds any of them. Checked before anything
    /// is read or written.
    public func outputFolderProblem() -> String? {
        let output = Self.resolved(output)
        let home = Self.resolved(FileManager.default.homeDirectoryForCurrentUser)
        if output == "/" { return "refusing to write the site into / (choose an output folder of its own)" }
        if output == home { return "refusing to write the site into the home folder \(home)" }
        let protected: [(String, String)] = [("the site folder", Self.resolved(site)),
                                             ("the content folder", Self.resolved(content)),
                                             ("the templates folder", Self.resolved(templates))]
        for (name, folder) in protected {
            if output == folder { return "refusing to write the site into \(name) \(folder)" }
            if folder.hasPrefix(output + "/") { return "refusing to write the site into \(output), which holds \(name) \(folder)" }
            if name != "the site folder", output.hasPrefix(folder + "/") {
                return "refusing to write the site inside \(name) \(folder)"
            }
        }
        return nil
    }

    /// The absolute path with symbolic links resolved, so that two names for one folder compare equal.
    private static func resolved(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
