import Foundation
import Testing
@testable import GazetteCore

/// A whole site in a temporary folder, built with the project's own default theme.
struct TestSite {
    let root: URL

    /// The repository's `Templates/`, found from this file's path.
    static let themeFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    /// Creates the site; `files` maps paths relative to the site to their text. The default theme is copied
    /// in unless `files` brings its own `Templates/`.
    init(_ files: [String: String], theme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if theme { try FileManager.default.copyItem(at: Self.themeFolder, to: root.appendingPathComponent("Templates")) }
        for (path, text) in files { try write(text, to: path) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var options: BuildOptions {
        var options = BuildOptions(site: root)
        options.now = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!
        return options
    }

    /// Builds into `Output/` on disk, as `gazette build` does: with the cache in `.gazette/`.
    @discardableResult
    func build(clean: Bool = false, _ configure: (inout BuildOptions) -> Void = { _ in }) throws(BuildFailure) -> BuildReport {
        try buildAndSave(clean: clean, configure).report
    }

    /// A builder that writes the search index after the pages, as the preview server's does.
    var deferringBuilder: Builder {
        var builder = Builder(options: options, paths: DisplayPaths(workingDirectory: root.path))
        builder.defersSearch = true
        return builder
    }

    /// `build`, and how many parts of the cache's records were encoded (the others were named again).
    func buildAndSave(clean: Bool = false, _ configure: (inout BuildOptions) -> Void = { _ in }) throws(BuildFailure)
        -> (report: BuildReport, encodedParts: Int) {
        var options = self.options
        configure(&options)
        let builder = Builder(options: options, paths: DisplayPaths(workingDirectory: root.path))
        // As `gazette build` does: the cache's thread looks at the last build's files while the build lists its content.
        let sink = DiskSink(root: options.output)
        let previous = BuildState.Loading(from: options.cacheFile, output: sink)
        let (report, state) = try builder.build(into: sink, loading: previous, clean: clean)
        // As `gazette build` does: an unchanged build that read no file saves nothing.
        guard report.savesState else { return (report, 0) }
        let encoded = (try? state.save(to: options.cacheFile)) ?? -1
        // Parts of the cache are the last one's: what it holds now must be this state's records, in the
        // part files it lists and no others.
        let saved = BuildState.load(from: options.cacheFile)
        if saved.recordBytes != state.recordBytes {
            Issue.record("the saved cache's records are not the build's")
        }
        if Set(partFiles) != Set(saved.storedParts?.names.map(\.fileName) ?? []) {
            Issue.record("the cache's part files are not the ones it lists")
        }
        return (report, encoded)
    }

    /// The files in the folder of the cache's parts.
    var partFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: BuildState.partsFolder(of: options.cacheFile))) ?? []
    }

    /// The diagnostics of a build that must fail.
    func failures(_ configure: (inout BuildOptions) -> Void = { _ in }) -> [Diagnostic] {
        do {
            try build(configure)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Every output file's bytes, by path.
    func snapshot() -> [String: Data] {
        Dictionary(uniqueKeysWithValues: outputFiles().map { ($0, FileManager.default.contents(atPath: root.appendingPathComponent("Output/" + $0).path) ?? Data()) })
    }

    func modified(_ path: String) -> Date? {
        modified(atSitePath: "Output/" + path)
    }

    /// The modification time of a file anywhere in the site (`.gazette/…`, `Content/…`).
    func modified(atSitePath path: String) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.modificationDate] as? Date
    }

    /// A copy of this site's sources (not its output or cache) in a new folder.
    func copySources() throws -> TestSite {
        let copy = try TestSite([:], theme: false)
        for name in ["Content", "Templates", "site.yml"] {
            let from = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: from.path) else { continue }
            try? FileManager.default.removeItem(at: copy.root.appendingPathComponent(name))
            try FileManager.default.copyItem(at: from, to: copy.root.appendingPathComponent(name))
        }
        return copy
    }

    func output(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent("Output").appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Every file under `Output/`, relative paths, sorted.
    func outputFiles() -> [String] {
        let base = root.appendingPathComponent("Output").path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// An article file's text.
func article(title: String = "A title", date: String = "2025-11-19T10:00:00+05:00", _ fields: String = "", body: String = "Body text.") -> String {
    "---\ntitle: \"\(title)\"\ndate: \(date)\n\(fields.isEmpty ? "" : fields + "\n")---\n\n\(body)\n"
}

extension BuildState {
    /// Each source record as the cache encodes it, by path.
    var recordBytes: [String: [UInt8]] {
        sources.mapValues { record in
            var writer = BinaryWriter(capacity: 1024)
            writer.write("", record)
            return writer.bytes
        }
    }
}
