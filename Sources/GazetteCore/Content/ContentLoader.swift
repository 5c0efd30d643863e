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
        var records: SourceTable
        /// How many files were read (not reused from `previous`).
        var read: Int
        /// False when every file was reused and none was added or removed.
        var changed: Bool
        /// The paths whose records were changed, added or removed.
        var changedPaths: [String] = []
        /// The files' own problems (in `diagnostics` too), without those of the walk.
        var fileWarnings: [Diagnostic] = []
    }

    /// Every article of `directory`, and every problem found in any file.
    public func load(_ directory: URL) -> ([Article], [Diagnostic]) {
        let result = load(directory, previous: { [:] })
        return (result.articles, result.diagnostics)
    }

    /// - Parameter previous: the last build's records, asked for once the folder is listed (the build
    ///   cache may still be loading on another thread until then).
    func load(_ directory: URL, previous: () -> SourceTable) -> Result {
        load(files(in: directory), previous: previous)
    }

    /// Whether a file named `name` is an article: `extensions`, in any case. Asked of every file listed,
    /// so read from the name's bytes: no substring, no lowercased copy, no hashing.
    static func hasArticleExtension(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let dot = bytes.lastIndex(of: 0x2E) else { return false }
            let suffix = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
            return extensionBytes.contains { $0.count == suffix.count && zip($0, suffix).allSatisfy { $0 == $1 | 0x20 } }
        }
    }

    private static let extensionBytes = extensions.map { Array($0.utf8) }

    /// The article files of `directory`, with their stamps, and the problems of the walk (links that lead
    /// out of it).
    func files(in directory: URL) -> (entries: [FileWalk.Entry], diagnostics: [Diagnostic]) {
        var walk = FileWalk(root: directory, paths: paths)
        let files = walk.files(matching: Self.hasArticleExtension)
        return (files, walk.diagnostics)
    }

    /// The articles of the files `listed` (`files(in:)`).
    func load(_ listed: (entries: [FileWalk.Entry], diagnostics: [Diagnostic]), previous: () -> SourceTable) -> Result {
        let files = listed.entries
        let previous = previous()
        // Most files are unchanged: find the others first, and copy no record twice. Each file's record is
        // looked up once, and its stamp read where it lies.
        let found = parallelMap(files.count) { previous.position(of: files[$0].path) }
        let unchanged = parallelMap(files.count) { i in found[i].map { previous.records[$0].stamp == files[i].stamp } ?? false }
        let toRead = files.indices.filter { !unchanged[$0] }
        var outcomes = parallelMap(toRead.count) { n -> (SourceRecord?, [Diagnostic]) in
            let file = files[toRead[n]]
            let display = paths.display(path: file.path)
            guard let bytes = FileIO.read(file.path) else {
                return (nil, [.error("cannot read file: \(FileIO.lastError)", in: display)])
            }
            let last = previous[file.path]
            if let last, last.article.source.contentHash == StableHash.of(bytes) {
                var touched = last
                touched.stamp = file.stamp
                return (touched, last.warnings)
            }
            let (article, diagnostics) = parser.parse(bytes, displayPath: display, path: file.path)
            guard let article else { return (nil, diagnostics) }
            var record = SourceRecord(stamp: file.stamp, article: article, warnings: diagnostics)
            record.replacedSearchBody = last?.searchBody
            return (record, diagnostics)
        }
        // This build's records are the last build's, updated where files changed: in place when the
        // caller handed them over (`BuildState.Loading.take`), not a table of every record built again.
        let previousCount = previous.count
        var records = consume previous
        var outcomeOf = [Int](repeating: -1, count: files.count)  // by file: its place in `outcomes`, -1 when unchanged
        var kept = files.count - toRead.count  // an unchanged file has its record
        var moved = false  // a removal moves the last record into the removed one's place
        let isRead = outcomes.map { $0.0 != nil }
        for (n, i) in toRead.enumerated() {
            outcomeOf[i] = n
            // Moved into the table, not copied (a copy retains every string of the article).
            if let record = outcomes[n].0.take() {
                if records.set(record, for: files[i].path) { kept += 1 }
            } else if records.removeValue(forKey: files[i].path) != nil {
                kept += 1  // a record of this build's files, removed here
                moved = true
            }
        }
        var changedPaths = toRead.map { files[$0].path }
        if kept < previousCount {
            // Files gone since the last build.
            let walked = Set(files.map(\.path))
            let gone = records.paths.filter { !walked.contains($0) }
            for path in gone { records.removeValue(forKey: path) }
            changedPaths += gone
            moved = moved || !gone.isEmpty
        }
        // The articles, in the files' order, taken from the records where they lie, on every core: each is
        // a copy that retains every string in it.
        let table = records, stored = records.records, outcome = outcomeOf, read = outcomes, wasMoved = moved
        // Each file's record found once, read twice below: an unchanged file's where the lookup before
        // found it, unless a removal moved it.
        let positions = parallelMap(files.count) { i in outcome[i] < 0 && !wasMoved ? found[i] : table.position(of: files[i].path) }
        let present = files.indices.filter { outcome[$0] < 0 || isRead[outcome[$0]] }
        let articles = parallelMap(present.count) { n in stored[positions[present[n]]!].article }
        let problems = parallelMap(files.count) { i in
            outcome[i] < 0 ? stored[positions[i]!].warnings : read[outcome[i]].1
        }
        var fileWarnings: [Diagnostic] = []
        for list in problems where !list.isEmpty { fileWarnings += list }
        let diagnostics = listed.diagnostics + fileWarnings
        var result = Result(articles: articles, diagnostics: diagnostics, records: [:], read: toRead.count,
                            changed: files.count != previousCount || !toRead.isEmpty, changedPaths: changedPaths)
        result.records = records
        result.fileWarnings = fileWarnings
        return result
    }
}
