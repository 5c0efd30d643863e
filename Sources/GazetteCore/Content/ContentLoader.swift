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
        let result = load(directory, previous: { [:] })
        return (result.articles, result.diagnostics)
    }

    /// - Parameter previous: the last build's records, asked for once the folder is listed (the build
    ///   cache may still be loading on another thread until then).
    func load(_ directory: URL, previous: () -> [String: SourceRecord]) -> Result {
        var walk = FileWalk(root: directory, paths: paths)
        let files = walk.files { name in
            guard let dot = name.lastIndex(of: ".") else { return false }
            return Self.extensions.contains(name[name.index(after: dot)...].lowercased())
        }
        let previous = previous()
        // Most files are unchanged: find the others first, and copy no record twice.
        let unchanged = parallelMap(files.count) { previous[files[$0].path]?.stamp == files[$0].stamp }
        let toRead = files.indices.filter { !unchanged[$0] }
        let outcomes = parallelMap(toRead.count) { n -> (SourceRecord?, [Diagnostic]) in
            let file = files[toRead[n]]
            let display = paths.display(path: file.path)
            guard let bytes = FileIO.read(file.path) else {
                return (nil, [.error("cannot read file: \(FileIO.lastError)", in: display)])
            }
            if let record = previous[file.path], record.article.source.contentHash == StableHash.of(bytes) {
                var touched = record
                touched.stamp = file.stamp
                return (touched, record.warnings)
            }
            let (article, diagnostics) = parser.parse(bytes, displayPath: display, path: file.path)
            guard let article else { return (nil, diagnostics) }
            return (SourceRecord(stamp: file.stamp, article: article, warnings: diagnostics), diagnostics)
        }
        var result = Result(articles: [], diagnostics: walk.diagnostics, records: [:], read: toRead.count,
                            changed: files.count != previous.count || !toRead.isEmpty)
        result.articles.reserveCapacity(files.count)
        // This build's records are the last build's, updated where files changed: in place when the
        // caller handed them over (`BuildState.Loading.take`), not a table of every record built again.
        let previousCount = previous.count
        var records = consume previous
        var kept = 0
        var next = 0
        for (i, file) in files.enumerated() {
            if unchanged[i] {
                // The article and warnings read where they are: a copy of the whole record would retain its
                // search terms too.
                guard let article = records[file.path]?.article else { continue }
                if let warnings = records[file.path]?.warnings, !warnings.isEmpty { result.diagnostics += warnings }
                result.articles.append(article)
                kept += 1
                continue
            }
            let record = outcomes[next].0
            result.diagnostics += outcomes[next].1
            next += 1
            if let record {
                if records.updateValue(record, forKey: file.path) != nil { kept += 1 }
                result.articles.append(record.article)
            } else if records.removeValue(forKey: file.path) != nil {
                kept += 1  // a record of this build's files, removed here
            }
        }
        if kept < previousCount {
            // Files gone since the last build.
            let walked = Set(files.map(\.path))
            let gone = records.keys.filter { !walked.contains($0) }
            for path in gone { records.removeValue(forKey: path) }
        }
        result.records = records
        return result
    }
}
