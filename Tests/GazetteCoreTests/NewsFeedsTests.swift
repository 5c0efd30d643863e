import Foundation
import Testing
@testable import GazetteCore

/// The news sitemap, the sitemap index and JSON Feed.
@Suite struct NewsFeedsTests {
    static let siteYAML = """
    title: Test Ledger
    description: A test archive
    base_url: https://news.example.org/
    language: en
    time_zone: Asia/Karachi
    feed_size: 3
    publisher: {name: Ledger Media}
    """

    static func date(_ text: String) -> Date {
        try! DateParser(timeZone: TimeZone(identifier: "Asia/Karachi")!).parse(text).get()
    }

    @Test func newsSitemapListsTheLast48Hours() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/old.md": article(title: "Three days old", date: "2025-11-17T11:59:00+05:00"),
            "Content/edge.md": article(title: "Just inside", date: "2025-11-18T12:01:00+05:00"),
            "Content/recent.md": article(title: "Recent & <new>", date: "2025-11-20T09:00:00+05:00", "topics: [A]"),
            "Content/future.md": article(title: "Tomorrow", date: "2025-11-21T09:00:00+05:00"),
        ])
        defer { site.delete() }
        try site.build { $0.now = Self.date("2025-11-20T12:00:00+05:00"); $0.includeFuture = true }
        let text = try #require(site.output("news-sitemap.xml"))
        #expect(text.contains("xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""))
        #expect(text.contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\""))
        let xml = try XML(text)
        #expect(FeedFormats.newsSitemapProblems(xml) == [])
        let urls = xml.elements("url")
        #expect(urls.compactMap { xml.text("loc", in: $0) } == ["https://news.example.org/2025/11/20/recent/",
                                                               "https://news.example.org/2025/11/18/edge/"])
        for url in urls {
            let news = try #require(xml.elements("news", in: url).first)
            let publication = try #require(xml.elements("publication", in: news).first)
            #expect(xml.text("name", in: publication) == "Ledger Media")
            #expect(xml.text("language", in: publication) == "en")
            #expect(xml.elements("publication_date", in: news).count == 1)
            #expect(xml.elements("title", in: news).count == 1)
        }
        #expect(xml.text("publication_date", in: urls[0]) == "2025-11-20T09:00:00+05:00")
        #expect(xml.text("title", in: urls[0]) == "Recent & <new>")
        #expect(site.output("robots.txt")?.contains("Sitemap: https://news.example.org/news-sitemap.xml") == true)

        // --now decides what counts as recent: two days later, nothing is.
        try site.build { $0.now = Self.date("2025-11-23T12:00:00+05:00") }
        #expect(try XML(try #require(site.output("news-sitemap.xml"))).elements("url").isEmpty)
    }

    @Test func newsSitemapHoldsAtMostAThousandArticles() throws {
        var files = ["site.yml": Self.siteYAML]
        for n in 0..<1005 {
            let minute = n % 60, hour = n / 60
            files["Content/a\(n).md"] = "---\ntitle: Story \(n)\ndate: 2025-11-19T\(DateFormats.pad(hour)):\(DateFormats.pad(minute))\n---\n"
        }
        let site = try TestSite(files)
        defer { site.delete() }
        try site.build { $0.now = Self.date("2025-11-20T12:00:00+05:00") }
        let xml = try XML(try #require(site.output("news-sitemap.xml")))
        #expect(FeedFormats.newsSitemapProblems(xml) == [])
        let titles = xml.elements("url").compactMap { xml.text("title", in: $0) }
        #expect(titles.count == 1000)
        #expect(titles.first == "Story 1004" && titles.last == "Story 5")
    }

    @Test func sitemapBecomesAnIndexPastTheLimit() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "A", date: "2025-11-18T10:00:00+05:00", "topics: [X]"),
            "Content/b.md": article(title: "B", date: "2025-11-19T10:00:00+05:00", "topics: [X]"),
        ])
        defer { site.delete() }
        let report = try site.build { $0.sitemapLimit = 4 }
        let index = try XML(try #require(site.output("sitemap.xml")))
        #expect(index.document.rootElement()?.name == "sitemapindex")
        let locations = index.elements("sitemap").compactMap { index.text("loc", in: $0) }
        let listed = report.pages - 2  // every page but 404.html and the search page
        let expectedParts = (listed + 3) / 4  // four a file
        #expect(locations == (1...expectedParts).map { "https://news.example.org/sitemap-\($0).xml" })
        var pages: [String] = []
        for n in 1...expectedParts {
            let part = try XML(try #require(site.output("sitemap-\(n).xml")))
            #expect(part.document.rootElement()?.name == "urlset")
            let urls = part.elements("url").compactMap { part.text("loc", in: $0) }
            #expect(urls.count <= 4 && !urls.isEmpty)
            pages += urls
        }
        #expect(pages.count == listed && Set(pages).count == pages.count)
        #expect(pages.contains("https://news.example.org/2025/11/19/b/"))
        #expect(index.elements("lastmod").first?.stringValue == "2025-11-19T10:00:00+05:00")
        // Under the limit it stays one file.
        try site.build()
        #expect(try XML(try #require(site.output("sitemap.xml"))).document.rootElement()?.name == "urlset")
    }

    @Test func jsonFeedFollowsVersion1_1() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "First & <one>", date: "2025-11-18T10:00:00+05:00",
                                    "topics: [Security]\nauthor: Ayesha Khan\nimage: /images/a.jpg", body: "Body *one*."),
            "Content/b.md": article(title: "Second", date: "2025-11-19T10:00:00+05:00", "topics: [Economy]"),
        ])
        defer { site.delete() }
        try site.build()
        let text = try #require(site.output("feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(FeedFormats.jsonFeedProblems(feed) == [])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "Test Ledger")
        #expect(feed["home_page_url"] as? String == "https://news.example.org/")
        #expect(feed["feed_url"] as? String == "https://news.example.org/feed.json")
        #expect(feed["language"] as? String == "en")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        for item in items {
            // Required: id; and content_html or content_text. Dates are RFC 3339.
            #expect(item["id"] is String)
            #expect(item["content_html"] is String || item["content_text"] is String)
            let published = try #require(item["date_published"] as? String)
            #expect(ISO8601DateFormatter().date(from: published) != nil)
        }
        let first = items[1]
        #expect(first["title"] as? String == "First & <one>")
        #expect(first["url"] as? String == "https://news.example.org/2025/11/18/a/")
        #expect(first["content_html"] as? String == "<p>Body <em>one</em>.</p>\n")
        #expect(first["image"] as? String == "https://news.example.org/images/a.jpg")
        #expect(first["tags"] as? [String] == ["Security"])
        #expect((first["authors"] as? [[String: Any]])?.first?["name"] as? String == "Ayesha Khan")
        #expect(first["date_published"] as? String == "2025-11-18T10:00:00+05:00")

        let topicText = try #require(site.output("topics/economy/feed.json"))
        let topic = try #require(try JSONSerialization.jsonObject(with: Data(topicText.utf8)) as? [String: Any])
        #expect(FeedFormats.jsonFeedProblems(topic) == [])
        #expect((topic["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["Second"])
        #expect(topic["feed_url"] as? String == "https://news.example.org/topics/economy/feed.json")
        #expect(topic["home_page_url"] as? String == "https://news.example.org/topics/economy/")
        let home = try #require(site.output("index.html"))
        #expect(home.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"JSON Feed\" href=\"https://news.example.org/feed.json\">"))
    }
}

@Suite struct BuildTimeTests {
    @Test func nowIsReadLikeAnArticleDateInTheSiteZone() throws {
        let site = try TestSite(["site.yml": "time_zone: Asia/Karachi\n"])
        defer { site.delete() }
        var options = site.options
        #expect(options.setNow("2025-11-19T14:30") == nil)
        #expect(options.now == ISO8601DateFormatter().date(from: "2025-11-19T09:30:00Z"))
        #expect(options.setNow("19 November 2025") == nil)
        #expect(options.now == ISO8601DateFormatter().date(from: "2025-11-18T19:00:00Z"))
        #expect(options.setNow("2025-11-19T14:30:00Z") == nil)
        #expect(options.now == ISO8601DateFormatter().date(from: "2025-11-19T14:30:00Z"))
        #expect(options.setNow("2025-02-30") == "invalid date '2025-02-30': day 30 does not exist in 2025-02, which has 28 days")
        #expect(options.setNow("soon")?.hasPrefix("unparseable date 'soon'; accepted forms: 2025-11-19,") == true)
    }

    @Test func nowDecidesWhatIsAFutureArticle() throws {
        let site = try TestSite([
            "Content/a.md": article(title: "A", date: "2025-06-01"),
            "Content/b.md": article(title: "B", date: "2025-06-03"),
        ])
        defer { site.delete() }
        #expect(try site.build { _ = $0.setNow("2025-06-02") }.articles == 1)
        #expect(try site.build { _ = $0.setNow("2025-06-03") }.articles == 2)
    }
}

@Suite struct FeedFormatCheckTests {
    /// Feed bodies go in CDATA sections: an HTML body reads back as it was, whatever it holds, but for
    /// the characters XML cannot carry.
    @Test func bodiesReadBackFromCharacterData() throws {
        let body = "<p class=\"x\">a]]>b & c</p>]]]>\u{1}\u{FFFF}<![CDATA[x]]>\tend]"
        var xml = XMLWriter()
        xml.raw("<feed>")
        xml.characterData("content", body, ["type": "html"])
        xml.characterData("empty", "")
        xml.raw("</feed>")
        let parsed = try XML(String(decoding: xml.bytes, as: UTF8.self))
        #expect(parsed.text("content") == "<p class=\"x\">a]]>b & c</p>]]]><![CDATA[x]]>\tend]")
        #expect(parsed.text("empty") == "")
    }

    /// Random bodies, long and short: each reads back as it was without the characters XML forbids,
    /// also when one of those sat inside a `]]>` (`]]\u{1}>` must not end the section).
    @Test func randomBodiesReadBackFromCharacterData() throws {
        let pieces = ["]", "]]", ">", "]]>", "\u{1}", "\u{1F}", "\t", "\n", "\r", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
                      "\u{F000}", "é", "a", "<p class=\"x\">", "&amp;", "plain text of a body ", "0123456789abcdef"]
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return (value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D) && value != 0x7F && value != 0xFFFE && value != 0xFFFF
        }
        var generator = SplitMix(seed: 30_11)
        for _ in 0..<1_000 {
            let body = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var xml = XMLWriter()
            xml.raw("<feed>")
            xml.characterData("content", body)
            xml.raw("</feed>")
            let parsed = try XML(String(decoding: xml.bytes, as: UTF8.self))
            // XML reads a carriage return as a line break.
            var expected = String(String.UnicodeScalarView(body.unicodeScalars.filter(allowed)))
            expected = expected.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(parsed.text("content") == expected, "\(body.debugDescription)")
        }
    }

    /// The eight-byte test the CDATA copy skips runs with flags the lowest byte that is a stop or below
    /// 0x20, wherever it is; the copy then checks that byte alone.
    @Test func characterDataFlagsFindTheFirstStop() {
        ChunkCases.forEach { byte, position, chunk in
            let flagged = XMLText.characterDataFlags(chunk)
            let expected = byte < 0x20 || byte == 0x7F || byte == 0xEF || byte == 0x5D
            #expect((flagged != 0) == expected, "byte \(byte) at \(position)")
            if expected { #expect(flagged.trailingZeroBitCount >> 3 == position) }
        }
    }

    @Test func theFormatChecksCatchBrokenDocuments() throws {
        #expect(FeedFormats.jsonFeedProblems(["version": "https://jsonfeed.org/version/1", "items": [["id": 5, "date_published": "yesterday"]]]) == [
            "version is not 1.1", "title is missing", "items[0].id is not String", "items[0]. has neither content_html nor content_text",
            "items[0].date_published 'yesterday' is not RFC 3339",
        ])
        let xml = try XML("""
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://x/</loc><news:news><news:publication><news:name>N</news:name><news:language>English</news:language></news:publication>
        <news:title>T</news:title></news:news></url></urlset>
        """)
        #expect(FeedFormats.newsSitemapProblems(xml) == [
            "url 0: news:news holds [\"publication\", \"title\"]",
            "url 0: language 'English' is not an ISO 639 code",
            "url 0: publication_date 'T' is not W3C",
        ])
    }
}
