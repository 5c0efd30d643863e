import Foundation

/// What to build and how: the folders of a site and the switches of `gazette build`.
public struct BuildOptions: Sendable {
    public var site: URL
    public var content: URL
    public var templates: URL
    public var output: URL
    /// Overrides `base_url` from `site.yml` (the preview server sets its own address).
    public var baseURL: String?
    public var includeDrafts = false
    public var includeFuture = false
    /// The build's "now": what counts as a future article. Default: the clock.
    public var now = Date()
    /// URLs per sitemap file; past it `sitemap.xml` becomes a sitemap index (the protocol's limit; tests lower it).
    public var sitemapLimit = 50_000

    /// A site in `site`, with `Content/`, `Templates/` and `Output/` inside it.
    public init(site: URL) {
        self.site = site.standardizedFileURL
        content = self.site.appendingPathComponent("Content")
        templates = self.site.appendingPathComponent("Templates")
        output = self.site.appendingPathComponent("Output")
    }

    public var configFile: URL { site.appendingPathComponent("site.yml") }

    /// The build cache: `SITE/.gazette/cache`, or `cache-<hash>` for another output folder, so that
    /// building into a second folder does not make the next build into the first a full one.
    public var cacheFile: URL {
        let folder = site.appendingPathComponent(".gazette")
        if output.standardizedFileURL.path == site.appendingPathComponent("Output").standardizedFileURL.path {
            return folder.appendingPathComponent("cache")
        }
        return folder.appendingPathComponent("cache-" + String(StableHash.ofName(output.standardizedFileURL.path), radix: 16))
    }
}

extension BuildOptions {
    /// `site.yml` as a build with these options sees it: parsed from `contents` (the file's bytes; nil when
    /// there is none), with the command line's overrides applied.
    func siteConfig(contents: [UInt8]?, paths: DisplayPaths) -> (SiteConfig, [Diagnostic]) {
        var (config, diagnostics) = SiteConfig.load(contents: contents, displayPath: paths.display(configFile))
        if let baseURL { config.setBaseURL(baseURL) }
        return (config, diagnostics)
    }
}

/// Values a build made and no longer needs, held together; freeing a large archive's index and pages
/// one by one takes milliseconds, which a process about to exit need not spend.
public final class BuildLeftovers: @unchecked Sendable {
    // Never read: only kept.
    private let values: [Any]

    init(_ values: [Any]) {
        self.values = values
    }
}

/// What a build did, for the summary line and for tests.
public struct BuildReport: Sendable {
    public var articles = 0
    public var pages = 0
    public var feeds = 0
    /// Pages rendered this time (the others were unchanged).
    public var rendered = 0
    /// Files written (their bytes changed), and stale files removed.
    public var written = 0
    public var removed = 0
    public var assets = 0
    /// Nothing the output depends on changed: nothing was rendered or written.
    public var unchanged = false
    /// True when the state to save differs from the saved one although nothing was written or read: what
    /// tells the next build that nothing changed (`UnchangedBuild`) has changed.
    public var renewsCache = false
    /// Whether the build's state should be saved: it read, wrote or learnt something.
    public var savesState: Bool { !unchanged || filesRead > 0 || renewsCache }
    /// Content files read (the others were known from the last build).
    public var filesRead = 0
    /// True when the search index was the last build's, updated for the articles that changed.
    var searchIndexUpdated = false
    public var seconds = 0.0
    /// Seconds spent in each stage, in order.
    public var stages: [(name: String, seconds: Double)] = []
    /// Warnings: a build with errors throws instead.
    public var diagnostics: [Diagnostic] = []
    /// The search index still to write, when the build deferred it (`Builder.defersSearch`).
    public var pendingSearch: PendingSearch?
    /// What the build made on its way (the site index, the pages, their view context), for a caller
    /// that has better moments to free it than the build's end (a process that exits next, a server
    /// that answers first).
    public var leftovers: BuildLeftovers?

    public var summary: String {
        let time = String(format: "%.2f", seconds)
        if unchanged { return "Built \(articles) articles: nothing changed in \(time) s" }
        return "Built \(articles) articles: \(pages) pages, \(feeds) feeds in \(time) s (\(written) files written, \(removed) removed)"
    }
}
