import Foundation
import GazetteMustache
import Synchronization

/// The whole build: load, index, plan, render, write. Every problem of every file is collected
/// before anything is written; a build with errors changes nothing in the output.
public struct Builder: Sendable {
    public var options: BuildOptions
    public var paths: DisplayPaths

    public init(options: BuildOptions, paths: DisplayPaths = DisplayPaths()) {
        self.options = options
        self.paths = paths
    }

    /// Builds the site into `sink`.
    ///
    /// - Throws: `BuildFailure` with every error found; the sink is then left unchanged.
    public func build(into sink: some OutputSink) throws(BuildFailure) -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()

        let (config, configDiagnostics) = loadConfig()
        var diagnostics = configDiagnostics
        let templates = loadTemplates(config)
        diagnostics += templates.diagnostics
        let loader = ContentLoader(parser: ArticleParser(config: config), paths: paths)
        let (loaded, contentDiagnostics) = loader.load(options.content)
        diagnostics += contentDiagnostics
        clock.lap("load", into: &report)

        let articles = loaded.filter { article in
            (options.includeDrafts || !article.draft) && (options.includeFuture || article.date <= options.now)
        }
        let (index, indexDiagnostics) = SiteIndex.build(articles, config: config)
        diagnostics += indexDiagnostics
        let context = SiteContext(index: index, buildTime: options.now)
        let planner = PagePlanner(index: index)
        let pages = planner.pages()
        diagnostics += planner.clashes(in: pages)
        let feeds = Feed.all(for: index)
        clock.lap("index", into: &report)

        guard !diagnostics.hasErrors, let library = templates.library else { throw fail(diagnostics, sink) }

        var search = config.search ? SearchIndexBuilder(context: context) : nil
        if search != nil, index.articles.count > PostingCode.maximumArticles {
            diagnostics.append(.warning("search is left out: it indexes at most \(PostingCode.maximumArticles) articles", in: paths.display(options.configFile)))
            search = nil
        }
        let renderer = PageRenderer(context: context, library: library, sink: sink, paths: paths,
                                    keepBodies: Feed.articlesInFeeds(feeds), search: search)
        let rendered = renderer.render(pages)
        diagnostics += rendered.diagnostics
        guard !diagnostics.hasErrors else { throw fail(diagnostics, sink) }
        clock.lap("render", into: &report)

        do {
            if let search {
                let files = SearchIndexLayout(context: context, collected: search.collected()).files()
                for file in files { try sink.write(file.bytes, to: file.path) }
                report.files += files.count
                clock.lap("search", into: &report)
            }
            let writer = FeedWriter(context: context)
            for feed in feeds {
                try sink.write(writer.render(feed) { rendered.bodies[$0] ?? "" }, to: feed.route.outputPath)
            }
            let sitemap = SitemapWriter(context: context)
            for (path, bytes) in sitemap.render(sitemapEntries(pages, index)) {
                try sink.write(bytes, to: path)
            }
            try sink.write(sitemap.robots(), to: "robots.txt")
            report.files = try copyAssets(into: sink)
            try sink.commit()
        } catch {
            diagnostics.append(.error(error.message, in: paths.display(options.output.appendingPathComponent(error.path))))
            throw fail(diagnostics, sink)
        }
        clock.lap("write", into: &report)

        report.articles = index.articles.count
        report.pages = pages.count
        report.feeds = feeds.count
        report.files += pages.count + feeds.count + 2
        report.seconds = clock.total
        report.diagnostics = diagnostics.sortedByLocation()
        return report
    }

    private func fail(_ diagnostics: [Diagnostic], _ sink: some OutputSink) -> BuildFailure {
        sink.discard()
        return BuildFailure(diagnostics.sortedByLocation())
    }

    private func loadConfig() -> (SiteConfig, [Diagnostic]) {
        var (config, diagnostics) = SiteConfig.load(from: options.configFile, displayPath: paths.display(options.configFile))
        if let baseURL = options.baseURL { config.setBaseURL(baseURL) }
        return (config, diagnostics)
    }

    private func loadTemplates(_ config: SiteConfig) -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        let display = paths.display(options.templates)
        guard FileManager.default.fileExists(atPath: options.templates.path) else {
            return (nil, [.error("no templates folder (a theme's .mustache files go here)", in: display)])
        }
        do {
            let library = try TemplateLibrary(directory: options.templates, displayPath: display)
            let missing = PagePlanner.templates(for: config).filter { !library.contains($0) }
            return (library, missing.map { .error("missing template '\($0).mustache' for \($0) pages", in: display + "/\($0).mustache") })
        } catch {
            return (nil, error.errors.map { Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message) })
        }
    }

    private func sitemapEntries(_ pages: [Page], _ index: SiteIndex) -> [SitemapWriter.Entry] {
        let planner = PagePlanner(index: index)
        return pages.compactMap { page in
            switch page.kind {
            case .notFound, .search: return nil
            case .article(let i): return .init(route: page.route, lastModified: index.lastModified(i))
            case .topics, .archive: return .init(route: page.route, lastModified: index.articles.indices.first.map(index.lastModified))
            default:
                let shown = page.pagination.map { planner.articles(of: page.kind, in: $0.range) } ?? []
                return .init(route: page.route, lastModified: shown.map(index.lastModified).max())
            }
        }
    }

    /// Copies `Templates/assets/` to `assets/` in the output; returns how many files.
    private func copyAssets(into sink: some OutputSink) throws(OutputError) -> Int {
        let assets = options.templates.appendingPathComponent("assets")
        var walk = FileWalk(root: assets, paths: paths)
        let files = walk.files { _ in true }
        let prefix = assets.path.count + 1
        for file in files {
            let relative = String(file.path.dropFirst(prefix))
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw OutputError(path: "assets/" + relative, message: "cannot read \(paths.display(file))")
            }
            try sink.write([UInt8](data), to: "assets/" + relative)
        }
        return files.count
    }
}

/// Times the stages of a build.
struct StageClock {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now

    mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = ContinuousClock.now
        report.stages.append((name, Self.seconds(now - last)))
        last = now
    }

    var total: Double { Self.seconds(ContinuousClock.now - start) }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
