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
}

/// What a build did, for the summary line and for tests.
public struct BuildReport: Sendable {
    public var articles = 0
    public var pages = 0
    public var feeds = 0
    public var files = 0
    public var seconds = 0.0
    /// Seconds spent in each stage, in order.
    public var stages: [(name: String, seconds: Double)] = []
    /// Warnings: a build with errors throws instead.
    public var diagnostics: [Diagnostic] = []

    public var summary: String {
        "Built \(articles) articles: \(pages) pages, \(feeds) feeds in \(String(format: "%.2f", seconds)) s"
    }
}
