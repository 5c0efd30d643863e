import Foundation
import Testing
@testable import GazetteCore

@Suite struct AuthorTests {
    static let siteYAML = """
    title: Test Ledger
    base_url: https://news.example.org/
    time_zone: Asia/Karachi
    page_size: 2
    authors:
      - name: Ayesha Khan
        bio: Covers security in Khyber Pakhtunkhwa.
        link: https://example.org/ayesha
    """

    func site() throws -> TestSite {
        try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "One", date: "2025-11-17T10:00:00+05:00", "author: Ayesha Khan"),
            "Content/b.md": article(title: "Two", date: "2025-11-18T10:00:00+05:00", "author: [Ayesha Khan, Omar Farooq]"),
            "Content/c.md": article(title: "Three", date: "2025-11-19T10:00:00+05:00", "authors: [omar farooq, Ayesha Khan, Bilal Ahmed]"),
            "Content/d.md": article(title: "Four", date: "2025-11-20T10:00:00+05:00", "author: \"Khan, Ayesha\""),
        ])
    }

    @Test func oneOrManyAuthorsGiveBylinesWithLinks() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let two = try #require(site.output("2025/11/18/b/index.html"))
        #expect(two.contains("By <a href=\"/authors/ayesha-khan/\" rel=\"author\">Ayesha Khan</a> and <a href=\"/authors/omar-farooq/\" rel=\"author\">Omar Farooq</a>"))
        let three = try #require(site.output("2025/11/19/c/index.html"))
        #expect(three.contains("By <a href=\"/authors/omar-farooq/\" rel=\"author\">Omar Farooq</a>, <a href=\"/authors/ayesha-khan/\" rel=\"author\">Ayesha Khan</a> and <a href=\"/authors/bilal-ahmed/\" rel=\"author\">Bilal Ahmed</a>"))
        // A single text is one name, comma and all.
        let four = try #require(site.output("2025/11/20/d/index.html"))
        #expect(four.contains("<a href=\"/authors/khan-ayesha/\" rel=\"author\">Khan, Ayesha</a>"))
        let news = try #require(try JSONLD.node("NewsArticle", in: three))
        let authors = try #require(news["author"] as? [[String: Any]])
        #expect(authors.map { $0["name"] as? String } == ["Omar Farooq", "Ayesha Khan", "Bilal Ahmed"])
        #expect(authors.first?["url"] as? String == "https://news.example.org/authors/omar-farooq/")
        #expect(authors.allSatisfy { $0["@type"] as? String == "Person" })
    }

    @Test func authorPagesArePaginatedWithFeeds() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let first = try #require(site.output("authors/ayesha-khan/index.html"))
        #expect(first.contains("<h1 class=\"page-title\">Ayesha Khan</h1>"))
        #expect(first.contains("<p class=\"author-bio\">Covers security in Khyber Pakhtunkhwa.</p>"))
        #expect(first.contains("<a href=\"https://example.org/ayesha\" rel=\"me\">Website</a>"))
        #expect(first.contains(">Three</a>") && first.contains(">Two</a>") && !first.contains(">One</a>"))
        #expect(first.contains("rel=\"next\" href=\"/authors/ayesha-khan/page/2/\""))
        let second = try #require(site.output("authors/ayesha-khan/page/2/index.html"))
        #expect(second.contains(">One</a>"))
        // Omar Farooq's name is spelled as most of his articles spell it.
        let omar = try #require(site.output("authors/omar-farooq/index.html"))
        #expect(omar.contains("<h1 class=\"page-title\">"))
        let index = try #require(site.output("authors/index.html"))
        #expect(index.contains("<a href=\"/authors/ayesha-khan/\">Ayesha Khan</a> <span class=\"count\">3</span>"))
        #expect(index.contains("<a href=\"/authors/bilal-ahmed/\">Bilal Ahmed</a> <span class=\"count\">1</span>"))

        let rss = try XML(try #require(site.output("authors/ayesha-khan/feed.xml")))
        #expect(rss.elements("item").compactMap { rss.text("title", in: $0) } == ["Three", "Two", "One"])
        #expect(rss.elements("creator", in: rss.elements("item")[1]).compactMap(\.stringValue) == ["Ayesha Khan", "Omar Farooq"])
        let atom = try XML(try #require(site.output("authors/ayesha-khan/atom.xml")))
        #expect(atom.elements("entry").count == 3)
        let names = atom.elements("author", in: atom.elements("entry")[0]).compactMap { atom.text("name", in: $0) }
        #expect(names == ["Omar Farooq", "Ayesha Khan", "Bilal Ahmed"])
        #expect(atom.text("uri", in: atom.elements("author", in: atom.elements("entry")[0]).first) == "https://news.example.org/authors/omar-farooq/")
        #expect(site.output("authors/ayesha-khan/feed.json") != nil)
        let profile = try #require(try JSONLD.node("CollectionPage", in: first))
        #expect((profile["about"] as? [String: Any])?["name"] as? String == "Ayesha Khan")
    }

    @Test func authorsNeedNamesWithLettersAndAValidProfile() throws {
        let site = try TestSite([
            "site.yml": "authors:\n  - bio: nameless\n  - name: A\n    link: not a url\n",
            "Content/a.md": article(title: "A", date: "2025-06-01", "author: [\"...\"]"),
        ])
        defer { site.delete() }
        #expect(site.failures().map(\.description) == [
            "Content/a.md:4:9: error: author '...' has no letters or digits to make a URL from",
            "site.yml:2:5: error: an author needs a 'name' with letters or digits",
            "site.yml:4:11: error: 'authors.link' must be an absolute http(s) URL or a path starting with '/', not 'not a url'",
        ])
    }

    @Test func withoutBylinesOrTopicsTheirNavigationIsLeftOut() throws {
        let site = try TestSite(["Content/a.md": article(title: "A", date: "2025-06-01")])
        defer { site.delete() }
        try site.build()
        #expect(!site.outputFiles().contains { $0.hasPrefix("authors/") })
        let home = try #require(site.output("index.html"))
        #expect(!home.contains("/authors/"))
        #expect(!home.contains("topic-bar"))
        #expect(site.output("topics/index.html")?.contains("No article has topics yet.") == true)
    }
}
