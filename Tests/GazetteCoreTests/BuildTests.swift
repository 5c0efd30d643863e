import Foundation
import Testing
@testable import GazetteCore

@Suite struct BuildTests {
    static let siteYAML = """
    title: Test Ledger
    description: A test archive
    base_url: https://news.example.org/
    time_zone: Asia/Karachi
    page_size: 2
    feed_size: 2
    """

    func threeArticles() throws -> TestSite {
        try TestSite([
            "site.yml": Self.siteYAML,
            "Content/2025/first.md": article(title: "First story", date: "2025-11-19T10:00:00+05:00",
                                             "topics: [Pakistan, Security]\ndateline: KARACHI\nhighlights: [Key point one, Key point two]\nupdated: 2025-11-20T08:00:00+05:00",
                                             body: "The *first* story & more.\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
            "Content/2025/second.md": article(title: "Second story", date: "2025-12-05T09:00:00+05:00", "topics: Pakistan, پاکستان",
                                              body: "Second body."),
            "Content/2024/old/third.md": article(title: "Third <story>", date: "2024-03-01", "topics: [pakistan]", body: "Old body."),
            "Content/_drafts/skip.md": article(title: "Skipped folder"),
            "Content/.hidden.md": article(title: "Hidden"),
        ])
    }

    /// Files ending in `.md` or `.markdown`, in any case, are articles; others beside them are not.
    @Test func articlesAreTheMarkdownFiles() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "Lower"),
            "Content/b.MD": article(title: "Upper"),
            "Content/c.Markdown": article(title: "Long"),
            "Content/d.txt": article(title: "Text"),
            "Content/e.mdx": article(title: "Other"),
            "Content/md": article(title: "No dot"),
            "Content/f.": article(title: "Empty extension"),
        ])
        defer { site.delete() }
        #expect(try site.build().articles == 3)
        #expect(ContentLoader.hasArticleExtension("story.MarkDown"))
        #expect(!ContentLoader.hasArticleExtension("story.m"))
        #expect(!ContentLoader.hasArticleExtension("story.md.bak"))
        #expect(!ContentLoader.hasArticleExtension("storymd"))
    }

    @Test func writesEveryPageKindFeedAndAsset() throws {
        let site = try threeArticles()
        defer { site.delete() }
        let report = try site.build()
        #expect(report.articles == 3)
        let files = Set(site.outputFiles())
        let expected: [String] = [
            "index.html", "page/2/index.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml", "atom.xml",
            "2025/11/19/first/index.html", "2025/12/05/second/index.html", "2024/03/01/third/index.html",
            "topics/index.html", "topics/pakistan/index.html", "topics/pakistan/page/2/index.html",
            "topics/pakistan/feed.xml", "topics/pakistan/atom.xml", "topics/security/index.html",
            "topics/پاکستان/index.html", "topics/پاکستان/feed.xml",
            "archive/index.html", "archive/2025/index.html", "archive/2025/11/index.html", "archive/2025/12/index.html",
            "archive/2024/index.html", "archive/2024/03/index.html", "assets/style.css",
        ]
        for path in expected { #expect(files.contains(path), "missing \(path)") }
        #expect(!files.contains { $0.contains("skip") || $0.contains("hidden") })
        #expect(!files.contains { $0.contains(".gazette-staging") })
        #expect(report.summary.hasPrefix("Built 3 articles: \(report.pages) pages, \(report.feeds) feeds in "))
    }

    @Test func articlePageShowsTheArticle() throws {
        let site = try threeArticles()
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/11/19/first/index.html"))
        #expect(html.contains("<h1 dir=\"auto\">First story</h1>"))
        #expect(html.contains("<em>first</em> story &amp; more."))
        #expect(html.contains("<table>"))
        #expect(html.contains("<span class=\"dateline\">KARACHI</span>"))
        #expect(html.contains("<time datetime=\"2025-11-19T10:00:00+05:00\">19 November 2025</time>"))
        #expect(html.contains("Updated <time datetime=\"2025-11-20T08:00:00+05:00\">20 November 2025, 08:00</time>"))
        #expect(html.contains("<li>Key point one</li>"))
        #expect(html.contains("href=\"/topics/security/\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://news.example.org/2025/11/19/first/\">"))
        #expect(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"https://news.example.org/feed.xml\">"))
        // previous is older, next is newer
        #expect(html.contains("rel=\"prev\" href=\"/2024/03/01/third/\""))
        #expect(html.contains("rel=\"next\" href=\"/2025/12/05/second/\""))
        let third = try #require(site.output("2024/03/01/third/index.html"))
        #expect(third.contains("<h1 dir=\"auto\">Third &lt;story&gt;</h1>"))
        #expect(third.contains("<title>Third &lt;story&gt; · Test Ledger</title>"))
    }

    @Test func listPagesArePaginatedNewestFirst() throws {
        let site = try threeArticles()
        defer { site.delete() }
        try site.build()
        let home = try #require(site.output("index.html"))
        let second = try #require(home.range(of: "Second story")), first = try #require(home.range(of: "First story"))
        #expect(second.lowerBound < first.lowerBound)
        #expect(!home.contains("Third &lt;story&gt;"))
        #expect(home.contains("rel=\"next\" href=\"/page/2/\""))
        let page2 = try #require(site.output("page/2/index.html"))
        #expect(page2.contains("Third &lt;story&gt;"))
        #expect(page2.contains("rel=\"prev\" href=\"/\""))
        #expect(page2.contains("Page 2 of 2"))
        #expect(page2.contains("<link rel=\"canonical\" href=\"https://news.example.org/page/2/\">"))
        let topics = try #require(site.output("topics/index.html"))
        #expect(topics.contains("<a href=\"/topics/pakistan/\">Pakistan</a> <span class=\"count\">3</span>"))
        #expect(topics.contains("href=\"/topics/%D9%BE%D8%A7%DA%A9%D8%B3%D8%AA%D8%A7%D9%86/\">پاکستان</a>"))
        let archive = try #require(site.output("archive/index.html"))
        #expect(archive.contains("<a href=\"/archive/2025/\">2025</a> <span class=\"count\">2</span>"))
        #expect(archive.contains("<a href=\"/archive/2025/11/\">November</a>"))
        let month = try #require(site.output("archive/2025/12/index.html"))
        #expect(month.contains("Second story") && !month.contains("First story"))
    }

    @Test func feedsParseBackWithEveryField() throws {
        let site = try threeArticles()
        defer { site.delete() }
        try site.build()
        let rss = try XML(try #require(site.output("feed.xml")))
        let items = rss.elements("item")
        #expect(items.count == 2)  // feed_size
        #expect(rss.text("title", in: items[0]) == "Second story")
        #expect(rss.text("link", in: items[0]) == "https://news.example.org/2025/12/05/second/")
        #expect(rss.text("pubDate", in: items[0]) == "Fri, 05 Dec 2025 09:00:00 +0500")
        #expect(rss.text("encoded", in: items[0]) == "<p>Second body.</p>\n")
        #expect(rss.text("description", in: items[1])?.hasPrefix("The first story") == true)
        #expect(rss.text("modified", in: items[1]) == "2025-11-20T08:00:00+05:00")
        #expect(rss.elements("category", in: items[1]).compactMap(\.stringValue) == ["Pakistan", "Security"])

        let atom = try XML(try #require(site.output("atom.xml")))
        let entries = atom.elements("entry")
        #expect(entries.count == 2)
        #expect(atom.text("updated", in: entries[1]) == "2025-11-20T08:00:00+05:00")
        #expect(atom.text("published", in: entries[1]) == "2025-11-19T10:00:00+05:00")
        #expect(atom.text("content", in: entries[1])?.contains("<em>first</em> story &amp; more.") == true)
        #expect(XML.attribute("href", of: atom.elements("link").first) == "https://news.example.org/")

        let topic = try XML(try #require(site.output("topics/پاکستان/feed.xml")))
        #expect(topic.elements("item").count == 1)
        let selfLink = topic.elements("link").first { XML.attribute("rel", of: $0) == "self" }
        #expect(XML.attribute("href", of: selfLink) == "https://news.example.org/topics/%D9%BE%D8%A7%DA%A9%D8%B3%D8%AA%D8%A7%D9%86/feed.xml")
    }

    @Test func sitemapAndRobots() throws {
        let site = try threeArticles()
        defer { site.delete() }
        let report = try site.build()
        let sitemap = try XML(try #require(site.output("sitemap.xml")))
        let urls = sitemap.elements("url")
        #expect(urls.count == report.pages - 2)  // every page but 404.html and the search page (noindex)
        let locations = urls.compactMap { sitemap.text("loc", in: $0) }
        #expect(locations.contains("https://news.example.org/2025/11/19/first/"))
        #expect(!locations.contains { $0.hasSuffix("404.html") || $0.hasSuffix("/search/") })
        let first = urls.first { sitemap.text("loc", in: $0) == "https://news.example.org/2025/11/19/first/" }
        #expect(first.flatMap { sitemap.text("lastmod", in: $0) } == "2025-11-20T08:00:00+05:00")
        #expect(site.output("robots.txt")?.contains("Sitemap: https://news.example.org/sitemap.xml") == true)
    }

    @Test func draftsAndFutureArticlesNeedTheirFlags() throws {
        let site = try TestSite([
            "Content/a.md": article(title: "Published", date: "2025-06-01"),
            "Content/b.md": article(title: "Draft", date: "2025-06-02", "draft: true"),
            "Content/c.md": article(title: "Future", date: "2030-01-01"),
        ])
        defer { site.delete() }
        #expect(try site.build().articles == 1)
        #expect(try site.build { $0.includeDrafts = true }.articles == 2)
        #expect(try site.build { $0.includeDrafts = true; $0.includeFuture = true }.articles == 3)
    }

    @Test func baseURLWithAPathPrefixesLinks() throws {
        let site = try TestSite([
            "site.yml": "base_url: https://example.org/archive/",
            "Content/a.md": article(title: "A", date: "2025-06-01", "topics: [X]"),
        ])
        defer { site.delete() }
        try site.build()
        let home = try #require(site.output("index.html"))
        #expect(home.contains("href=\"/archive/2025/06/01/a/\""))
        #expect(home.contains("href=\"/archive/assets/style.css\""))
        #expect(site.output("sitemap.xml")?.contains("<loc>https://example.org/archive/2025/06/01/a/</loc>") == true)
        try site.build { $0.baseURL = "http://localhost:9000" }
        #expect(site.output("index.html")?.contains("href=\"/2025/06/01/a/\"") == true)
    }
}
