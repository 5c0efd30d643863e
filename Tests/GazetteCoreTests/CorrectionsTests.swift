import Foundation
import Testing
@testable import GazetteCore

@Suite struct CorrectionsTests {
    static let fields = """
    updated: 2025-11-20T08:00:00+05:00
    corrections:
      - date: 2025-11-22T09:30:00+05:00
        text: An earlier version misspelled the name of the district.
      - date: 2025-11-21
        text: The death toll was four, not five.
    """

    func site() throws -> TestSite {
        try TestSite([
            "site.yml": "base_url: https://news.example.org/\ntime_zone: Asia/Karachi\n",
            "Content/a.md": article(title: "Story", date: "2025-11-19T10:00:00+05:00", Self.fields),
        ])
    }

    @Test func correctionsShowAsADatedNoticeOldestFirst() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/11/19/a/index.html"))
        let first = try #require(html.range(of: "<li><time datetime=\"2025-11-21T00:00:00+05:00\">21 November 2025</time>: The death toll was four, not five.</li>"))
        let second = try #require(html.range(of: "<li><time datetime=\"2025-11-22T09:30:00+05:00\">22 November 2025</time>: An earlier version misspelled the name of the district.</li>"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(html.contains("<h2 id=\"corrections-heading\">Corrections</h2>"))
        // The latest correction is the article's last change.
        #expect(html.contains("Updated <time datetime=\"2025-11-22T09:30:00+05:00\">22 November 2025, 09:30</time>"))
    }

    @Test func correctionsMoveDateModifiedAndTheFeedsUpdatedTime() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/11/19/a/index.html"))
        let news = try #require(try JSONLD.node("NewsArticle", in: html))
        #expect(news["dateModified"] as? String == "2025-11-22T09:30:00+05:00")
        #expect(news["datePublished"] as? String == "2025-11-19T10:00:00+05:00")
        let corrections = try #require(news["correction"] as? [[String: Any]])
        #expect(corrections.map { $0["text"] as? String } == ["The death toll was four, not five.",
                                                               "An earlier version misspelled the name of the district."])
        #expect(metaContents("article:modified_time", in: html) == ["2025-11-22T09:30:00+05:00"])

        let atom = try XML(try #require(site.output("atom.xml")))
        #expect(atom.text("updated", in: atom.elements("entry").first) == "2025-11-22T09:30:00+05:00")
        #expect(atom.text("updated") == "2025-11-22T09:30:00+05:00")
        let rss = try XML(try #require(site.output("feed.xml")))
        #expect(rss.text("modified", in: rss.elements("item").first) == "2025-11-22T09:30:00+05:00")
        #expect(rss.text("lastBuildDate") == "Sat, 22 Nov 2025 09:30:00 +0500")
        let jsonText = try #require(site.output("feed.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.first?["date_modified"] as? String == "2025-11-22T09:30:00+05:00")
        let sitemap = try XML(try #require(site.output("sitemap.xml")))
        let entry = sitemap.elements("url").first { sitemap.text("loc", in: $0) == "https://news.example.org/2025/11/19/a/" }
        #expect(entry.flatMap { sitemap.text("lastmod", in: $0) } == "2025-11-22T09:30:00+05:00")
    }

    @Test func badCorrectionsAreReportedAtTheirPosition() throws {
        let fields = """
        corrections:
          - date: 2025-13-01
            text: Wrong month.
          - date: yesterday
            text: Not a date.
          - text: No date.
          - date: 2025-11-20
          - just text
        """
        let site = try TestSite(["Content/a.md": article(title: "A", date: "2025-06-01", fields)])
        defer { site.delete() }
        #expect(site.failures().map(\.description) == [
            "Content/a.md:5:11: error: invalid date '2025-13-01' in 'corrections.date': month 13 does not exist",
            "Content/a.md:7:11: error: unparseable date 'yesterday' in 'corrections.date'; accepted forms: \(DateParser.acceptedForms)",
            "Content/a.md:9:5: error: a correction needs a 'date'",
            "Content/a.md:10:5: error: a correction needs a 'text'",
            "Content/a.md:11:5: error: each correction must be a mapping with 'date' and 'text', not a single value",
        ])
        try site.write(article(title: "A", date: "2025-06-01", "corrections: fixed it"), to: "Content/a.md")
        #expect(site.failures().map(\.description) == [
            "Content/a.md:4:14: error: 'corrections' must be a list of {date: ..., text: ...}, not a single value",
        ])
    }
}
