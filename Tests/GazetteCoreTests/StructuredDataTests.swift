import Foundation
import Testing
@testable import GazetteCore

@Suite struct StructuredDataTests {
    static let siteYAML = """
    title: Test Ledger
    description: A test archive
    base_url: https://news.example.org/
    language: en-GB
    time_zone: Asia/Karachi
    publisher:
      name: Ledger Media
      logo: /assets/logo.png
    """

    func site() throws -> TestSite {
        try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "Army says <four> killed </script><script>alert(1)</script>",
                                    date: "2025-11-19T10:00:00+05:00",
                                    "topics: [Security, Pakistan]\nauthor: Ayesha Khan\ndateline: KARACHI\nimage: {src: /images/swat.jpg, alt: Troops in Swat}\nsummary: \"Line\\u2028separator & more\"",
                                    body: "Body."),
            "Content/b.md": article(title: "Second", date: "2025-11-20T10:00:00+05:00", "topics: [Security]"),
        ])
    }

    @Test func articlePagesCarryNewsArticleJSONLD() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/11/19/a/index.html"))
        let permalink = "https://news.example.org/2025/11/19/a/"
        let news = try #require(try JSONLD.node("NewsArticle", in: html))
        #expect(news["headline"] as? String == "Army says <four> killed </script><script>alert(1)</script>")
        #expect(news["datePublished"] as? String == "2025-11-19T10:00:00+05:00")
        #expect(news["dateModified"] as? String == "2025-11-19T10:00:00+05:00")
        #expect(news["image"] as? [String] == ["https://news.example.org/images/swat.jpg"])
        #expect(news["articleSection"] as? String == "Security")
        #expect(news["keywords"] as? [String] == ["Security", "Pakistan"])
        #expect(news["dateline"] as? String == "KARACHI")
        #expect(news["description"] as? String == "Line\u{2028}separator & more")
        let author = try #require((news["author"] as? [[String: Any]])?.first)
        #expect(author["@type"] as? String == "Person" && author["name"] as? String == "Ayesha Khan")
        let publisher = try #require(news["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization")
        #expect(publisher["name"] as? String == "Ledger Media")
        #expect((publisher["logo"] as? [String: Any])?["url"] as? String == "https://news.example.org/assets/logo.png")
        let page = try #require(news["mainEntityOfPage"] as? [String: Any])
        #expect(page["@id"] as? String == permalink)
        let documents = try JSONLD.documents(in: html)
        #expect(documents.count == 1 && documents[0]["@context"] as? String == "https://schema.org")

        let crumbs = try #require(try JSONLD.node("BreadcrumbList", in: html)?["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["name"] as? String } == ["Test Ledger", "Security", news["headline"] as? String])
        #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(crumbs.last?["item"] as? String == permalink)
    }

    @Test func jsonLDCannotEndItsScriptElement() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/11/19/a/index.html"))
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let script = html[start.upperBound..<end.lowerBound]
        #expect(!script.contains("<") && !script.contains(">") && !script.contains("&"))
        #expect(!script.contains("\u{2028}"))
        #expect(script.contains("\\u003c/script\\u003e"))
        #expect(script.contains("\\u2028"))
        // The script ends where the document ends: right after its closing brace.
        #expect(script.hasSuffix("}]}"))
    }

    @Test func sharingTagsForArticlesAndListPages() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/11/19/a/index.html"))
        #expect(metaContents("og:type", in: html) == ["article"])
        #expect(metaContents("og:title", in: html) == ["Army says &lt;four&gt; killed &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"])
        #expect(metaContents("og:url", in: html) == ["https://news.example.org/2025/11/19/a/"])
        #expect(metaContents("og:image", in: html) == ["https://news.example.org/images/swat.jpg"])
        #expect(metaContents("og:image:alt", in: html) == ["Troops in Swat"])
        #expect(metaContents("og:site_name", in: html) == ["Test Ledger"])
        #expect(metaContents("og:locale", in: html) == ["en_GB"])
        #expect(metaContents("article:published_time", in: html) == ["2025-11-19T10:00:00+05:00"])
        #expect(metaContents("article:section", in: html) == ["Security"])
        #expect(metaContents("article:tag", in: html) == ["Security", "Pakistan"])
        #expect(metaContents("article:author", in: html) == ["https://news.example.org/authors/ayesha-khan/"])
        #expect(metaContents("twitter:card", in: html) == ["summary_large_image"])
        #expect(metaContents("twitter:image", in: html) == ["https://news.example.org/images/swat.jpg"])

        let second = try #require(site.output("2025/11/20/b/index.html"))
        #expect(metaContents("twitter:card", in: second) == ["summary"])
        #expect(metaContents("og:image", in: second) == ["https://news.example.org/assets/logo.png"])
        let news = try #require(try JSONLD.node("NewsArticle", in: second))
        #expect(news["image"] == nil)
        // No byline: the publisher stands as the author.
        #expect((news["author"] as? [[String: Any]])?.first?["name"] as? String == "Ledger Media")

        let topic = try #require(site.output("topics/security/index.html"))
        #expect(metaContents("og:type", in: topic) == ["website"])
    }

    @Test func listPagesCarryCollectionPageAndBreadcrumbs() throws {
        let site = try site()
        defer { site.delete() }
        try site.build()
        let home = try #require(site.output("index.html"))
        #expect(try JSONLD.node("WebSite", in: home)?["name"] as? String == "Test Ledger")
        let collection = try #require(try JSONLD.node("CollectionPage", in: home))
        let items = try #require((collection["mainEntity"] as? [String: Any])?["itemListElement"] as? [[String: Any]])
        #expect(items.map { $0["url"] as? String } == ["https://news.example.org/2025/11/20/b/", "https://news.example.org/2025/11/19/a/"])

        let topic = try #require(site.output("topics/security/index.html"))
        #expect(try JSONLD.node("CollectionPage", in: topic)?["url"] as? String == "https://news.example.org/topics/security/")
        let crumbs = try #require(try JSONLD.node("BreadcrumbList", in: topic)?["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["name"] as? String } == ["Test Ledger", "Topics", "Security"])
        #expect(crumbs.map { $0["item"] as? String } == ["https://news.example.org/", "https://news.example.org/topics/",
                                                          "https://news.example.org/topics/security/"])

        let month = try #require(site.output("archive/2025/11/index.html"))
        let monthCrumbs = try #require(try JSONLD.node("BreadcrumbList", in: month)?["itemListElement"] as? [[String: Any]])
        #expect(monthCrumbs.map { $0["name"] as? String } == ["Test Ledger", "Archive", "2025", "November"])
        #expect(try JSONLD.documents(in: try #require(site.output("404.html"))).isEmpty)
    }

    /// Every string reads back as itself through a JSON parser, in both modes.
    @Test func jsonStringsRoundTrip() throws {
        let texts = ["", "plain", "tab\tnew\nline\rreturn", "\u{7F}\u{1}\u{1F}", "€ – ‘quotes’ \u{2028}\u{2029}", "<a href=\"x\">&amp;</a>",
                     "back\\slash \"quoted\"", "پاکستان 🚀", String(repeating: "<p class=\"c\">x</p>\n", count: 50)]
        for text in texts {
            for scriptSafe in [true, false] {
                let json = JSONValue.array([.string(text)]).serialized(scriptSafe: scriptSafe)
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
                #expect(parsed == [text], "\(text.debugDescription) scriptSafe: \(scriptSafe)")
                if scriptSafe { #expect(!json.contains("<") && !json.contains("\u{2028}")) }
            }
        }
    }

    @Test func jsonValuesSerialiseSafely() throws {
        let value = JSONValue.fields(["a": .string("</script>&\u{2028}\u{01}\"\\"), "b": .array([.int(1), .bool(true), .null]), "c": nil])
        #expect(value.serialized() == #"{"a":"\u003c/script\u003e\u0026\u2028\u0001\"\\","b":[1,true,null]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any]
        #expect(parsed?["a"] as? String == "</script>&\u{2028}\u{01}\"\\")
        #expect(JSONValue.string("<p>").serialized(scriptSafe: false) == "\"<p>\"")
    }
}
