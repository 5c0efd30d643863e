import Foundation

/// Finds the article files under a content folder and parses them all, on every core.
public struct ContentLoader: Sendable {
    public var parser: ArticleParser
    public var paths: DisplayPaths

    public init(parser: ArticleParser, paths: DisplayPaths) {
        self.parser = parser
        self.paths = paths
    }

    public static let extensions: Set<String> = ["md", "markdown"]

    /// Every article of `directory`, and every problem found in any file.
    public func load(_ directory: URL) -> ([Article], [Diagnostic]) {
        var walk = FileWalk(root: directory, paths: paths)
        let files = walk.files { Self.extensions.contains($0.pathExtension.lowercased()) }
        let results = parallelMap(files.count) { i -> (Article?, [Diagnostic]) in
            let url = files[i]
            let display = paths.display(url)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return (nil, [.error("cannot read file", in: display)])
            }
            return parser.parse(data, displayPath: display, url: url)
        }
        var articles: [Article] = []
        articles.reserveCapacity(results.count)
        var diagnostics = walk.diagnostics
        for (article, problems) in results {
            if let article { articles.append(article) }
            diagnostics += problems
        }
        return (articles, diagnostics)
    }
}
