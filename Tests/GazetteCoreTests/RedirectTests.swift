import Foundation
import Testing
@testable import GazetteCore

@Suite struct RedirectTests {
    static let siteYAML = "base_url: https://news.example.org/\ntime_zone: Asia/Karachi\n"

    @Test func shortURLAndAliasesGiveRedirectPages() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "Story", date: "2025-11-19T10:00:00+05:00",
                                    "short: ab12\naliases: [/old/path/, /2019/story.html, /no-slash]"),
        ])
        defer { site.delete() }
        try site.build()
        let target = "/2025/11/19/a/", permalink = "https://news.example.org/2025/11/19/a/"
        for path in ["s/ab12/index.html", "old/path/index.html", "2019/story.html", "no-slash/index.html"] {
            let html = try #require(site.output(path), "missing \(path)")
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(target)\">"), "\(path)")
            #expect(html.contains("<link rel=\"canonical\" href=\"\(permalink)\">"), "\(path)")
            #expect(html.contains("<a href=\"\(target)\">Story</a>"), "\(path)")
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"), "\(path)")
        }
        let page = try #require(site.output("2025/11/19/a/index.html"))
        #expect(page.contains("<a href=\"/s/ab12/\">https://news.example.org/s/ab12/</a>"))
        #expect(page.contains("<link rel=\"shortlink\" href=\"https://news.example.org/s/ab12/\">"))
        let sitemap = try #require(site.output("sitemap.xml"))
        #expect(!sitemap.contains("/s/ab12/") && !sitemap.contains("/old/path/"))
    }

    @Test func twoClaimsOnOnePathNameBothFiles() throws {
        let site = try TestSite([
            "Content/a.md": article(title: "A", date: "2025-06-01", "aliases: [/old/]\nshort: x1"),
            "Content/b.md": article(title: "B", date: "2025-06-02", "aliases: [/old/, /s/x1/]"),
            "Content/c.md": article(title: "C", date: "2025-06-03", "aliases: [/topics/, /2025/06/01/a/]"),
            "Content/d.md": article(title: "D", date: "2025-06-04", "short: x1"),
        ])
        defer { site.delete() }
        let problems = site.failures().map(\.description)
        #expect(problems.contains("Content/b.md:1:1: error: the alias /old/ of Content/b.md and the alias /old/ of Content/a.md would both be written to old/index.html"))
        #expect(problems.contains { $0.contains("the short URL /s/x1/ of Content/d.md and the alias /s/x1/ of Content/b.md") })
        #expect(problems.contains { $0.contains("the page /topics/ and the alias /topics/ of Content/c.md") })
        #expect(problems.contains { $0.contains("the article of Content/a.md and the alias /2025/06/01/a/ of Content/c.md") })
        #expect(problems.contains("Content/a.md:1:1: error: short id 'x1' is claimed by both Content/d.md and Content/a.md"))
        // The index names the short id clash; the page planner does not say it twice.
        #expect(problems.filter { $0.contains("short") && $0.contains("Content/a.md") }.count == 1)
    }

    @Test func unsafeAliasesAreRefusedAtTheirPosition() throws {
        let fields = """
        aliases:
          - /a/../b/
          - "https://evil.example/x"
          - "back\\\\slash/"
          - relative/path
          - "/a\\x01b/"
          - /ok%2F..%2Fup/
          - /fine/
        """
        let site = try TestSite(["Content/a.md": article(title: "A", date: "2025-06-01", fields)])
        defer { site.delete() }
        #expect(site.failures().map(\.description) == [
            "Content/a.md:5:5: error: alias '/a/../b/' may not contain '.' or '..' segments",
            "Content/a.md:6:5: error: alias 'https://evil.example/x' must be a path on this site such as /old/path/, not an absolute URL",
            "Content/a.md:7:5: error: alias 'back\\slash/' may not contain a backslash or a control character",
            "Content/a.md:8:5: error: alias 'relative/path' must be a path on this site starting with '/', such as /old/path/",
            "Content/a.md:9:5: error: alias '/a\u{01}b/' may not contain a backslash or a control character",
            "Content/a.md:10:5: error: alias '/ok%2F..%2Fup/' may not encode '/', a backslash or a control character",
        ])
    }

    @Test func aliasPathsBecomeRoutes() throws {
        #expect(try AliasPath.parse("/old/path/").get() == Route(["old", "path"]))
        #expect(try AliasPath.parse("/old/path").get() == Route(["old", "path"]))
        #expect(try AliasPath.parse("/2019/story.html").get() == Route.file("2019", "story.html"))
        #expect(try AliasPath.parse("/caf%C3%A9/").get() == Route(["café"]))
        #expect((try? AliasPath.parse("/").get()) == nil)
        #expect((try? AliasPath.parse("/a//b/").get()) == nil)
        #expect((try? AliasPath.parse("/a/?q=1").get()) == nil)
        #expect((try? AliasPath.parse("//evil.example/").get()) == nil)
        #expect((try? AliasPath.parse("/%2e%2e/x/").get()) == nil)
    }
}
