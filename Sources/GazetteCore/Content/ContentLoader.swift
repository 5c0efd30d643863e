import Foundation

/// Finds the article files under a content folder and parses them on every core, reusing what the
/// last build read from files whose size and modification time did not change.
public struct ContentLoader: Sendable {
    public var parser: ArticleParser
    public var paths: DisplayPaths

    public init(parser: ArticleParser, paths: DisplayPaths) {
        self.parser = parser
        self.paths = paths
    }

    public static let extensions: Set<String> = ["md", "markdown"]

    struct Result {
        var articles: [Article]
        var diagnostics: [Diagnostic]
        /// The records for the next build: one per file that parsed.
        var records: [String: SourceRecord]
        /// How many files were read (not reused from `previous`).
        var read: Int
        /// False when every file was reused and none was added or removed.
        var changed: Bool
    }

    /// Every article of `directory`, and every problem found in any file.
    public func load(_ directory: URL) -> ([Article], [Diagnostic]) {
        let result = load(directory, previous: [:])
        return (result.articles, result.diagnostics)
    }

    func load(_ directory: URL, previous: [String: SourceRecord]) -> Result {
        var walk = FileWalk(root: directory, paths: paths)
        let files = walk.files { name in
            guard let dot = name.lastIndex(of: ".") else { return false }
            return Self.extensions.contains(name[name.index(after: dot)...].lowercased())
        }
        let outcomes = parallelMap(files.count) { i -> (SourceRecord?, [Diagnostic], Bool) in
            let file = files[i]
            if let record = previous[file.path], record.stamp == file.stamp {
                return (record, record.warnings, false)
            }
            let display = paths.display(path: file.path)
            guard let bytes = FileIO.read(file.path) else {
                return (nil, [.error("cannot read file: \(FileIO.lastError)", in: display)], true)
            }
            if let record = previous[file.path], record.article.source.contentHash == StableHash.of(bytes) {
                return (SourceRecord(stamp: file.stamp, article: record.article, warnings: record.warnings), record.warnings, true)
            }
            let (article, diagnostics) = parser.parse(bytes, displayPath: display, path: file.path)
            guard let article else { return (nil, diagnostics, true) }
            return (SourceRecord(stamp: file.stamp, article: article, warnings: diagnostics), diagnostics, true)
        }
        var result = Result(articles: [], diagnostics: walk.diagnostics, records: [:], read: 0,
                            changed: files.count != previous.count)
        result.articles.reserveCapacity(files.count)
        result.records.reserveCapacity(files.count)
        for (i, (record, diagnostics, read)) in outcomes.enumerated() {
            result.diagnostics += diagnostics
            if read { result.read += 1 }
            guard let record else {
                result.changed = true
                continue
            }
            result.articles.append(record.article)
            result.records[files[i].path] = record
        }
        if result.read > 0 { result.changed = true }
        return result
    }
}
