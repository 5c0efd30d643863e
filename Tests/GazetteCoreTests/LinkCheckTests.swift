import Foundation
import Testing
@testable import GazetteCore

@Suite struct LinkCheckTests {
    static let siteYAML = "title: T\nbase_url: https://news.example.org/\nmarkdown: {unsafe: true}\n"

    func check(_ site: TestSite) throws -> LinkChecker.Report {
        try SiteCheck.run(site.options, paths: DisplayPaths(workingDirectory: site.root.path)).1
    }

    @Test func aSiteWithoutBrokenLinksPasses() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "A", date: "2025-06-01", "topics: [X]\nauthor: Ayesha Khan\nshort: aa1\naliases: [/old/a/]",
                                    body: "See [B](/2025/06/02/b/), [its notes](../../02/b/#notes), [top](#main), [home](https://news.example.org/) and [elsewhere](https://example.com/nowhere/) or [mail](mailto:desk@example.org)."),
            "Content/b.md": article(title: "B", date: "2025-06-02", "topics: [X]",
                                    body: "<p id=\"notes\">Notes.</p>\n\n<img src=\"/assets/style.css\" srcset=\"/assets/style.css 1x, /assets/style.css 2x\" alt=\"\">"),
        ])
        defer { site.delete() }
        let report = try check(site)
        #expect(report.broken.map(\.description) == [])
        #expect(report.links > 100)
        #expect(report.files > 20)
    }

    @Test func everyBrokenLinkIsNamedWithItsPage() throws {
        let site = try TestSite([
            "site.yml": Self.siteYAML,
            "Content/a.md": article(title: "A", date: "2025-06-01", "topics: [X]"),
            "Content/b.md": article(title: "B", date: "2025-06-02", "topics: [X]", body: """
            [gone](/nowhere/) [anchor](#missing) [other anchor](/2025/06/01/a/#nope) [twice](/nowhere/)
            [absolute](https://news.example.org/gone/) [relative](../../01/x/) [fine](/2025/06/01/a/)

            ![photo](/images/missing.jpg)

            <img src="/assets/style.css" srcset="/assets/style.css 1x, /img/big.jpg 2x" alt="">
            """),
        ])
        defer { site.delete() }
        let report = try check(site)
        let page = report.broken.filter { $0.page == "/2025/06/02/b/" }.map(\.description)
        #expect(page == [
            "/2025/06/02/b/: broken link '/nowhere/' (no such page)",
            "/2025/06/02/b/: broken link '#missing' (no element with id 'missing' on /2025/06/02/b/)",
            "/2025/06/02/b/: broken link '/2025/06/01/a/#nope' (no element with id 'nope' on /2025/06/01/a/)",
            "/2025/06/02/b/: broken link 'https://news.example.org/gone/' (no such page)",
            "/2025/06/02/b/: broken link '../../01/x/' (no such page)",
            "/2025/06/02/b/: broken link '/images/missing.jpg' (no such page)",
            "/2025/06/02/b/: broken link '/img/big.jpg' (no such page)",
        ])
        // The feeds carry the body too; relative links there are read against the article's URL.
        let feeds = Set(report.broken.map(\.page)).subtracting(["/2025/06/02/b/"])
        #expect(feeds.isSuperset(of: ["/feed.xml", "/atom.xml", "/feed.json", "/topics/x/feed.xml", "/topics/x/atom.xml", "/topics/x/feed.json"]))
        #expect(report.broken.contains { $0.page == "/feed.xml" && $0.link == "../../01/x/" })
        #expect(!report.broken.contains { $0.link == "#missing" && $0.page == "/feed.xml" && $0.reason.contains("feed") })
    }

    @Test func linksOutsideTheBasePathAreBroken() throws {
        let site = try TestSite([
            "site.yml": "base_url: https://example.org/archive/\n",
            "Content/a.md": article(title: "A", date: "2025-06-01", body: "[up](/elsewhere/) [in](/archive/2025/06/01/a/)"),
        ])
        defer { site.delete() }
        let report = try check(site)
        #expect(report.broken.filter { $0.page == "/2025/06/01/a/" }.map(\.description) == [
            "/2025/06/01/a/: broken link '/elsewhere/' (outside the site, whose pages are under /archive/)",
        ])
    }

    @Test func theScannerReadsAttributesAsBrowsersDo() {
        let html = """
        <!doctype html><!-- <a href="/commented/"> --><a href='/single/' id=top>x</a>
        <A HREF=/unquoted/ NAME="old">y</A><img srcset="/a.jpg 480w, /b.jpg, /c,d.jpg 2x" src="/x?a=1&amp;b=2">
        <script>var s = '<a href="/in-script/">';</script><style>a[href="/in-style/"]{}</style>
        <meta http-equiv="Refresh" content="0; URL='/moved/'"><p id="n&#233;">é</p>
        """
        let page = PageLinks.html(Array(html.utf8))
        #expect(page.links.map(\.reference) == ["/single/", "/unquoted/", "/a.jpg", "/b.jpg", "/c,d.jpg", "/x?a=1&b=2", "/moved/"])
        #expect(page.anchors == ["top", "old", "né"])
        #expect(PageLinks.srcset("  a.jpg 1x,b.jpg 2x , c.jpg") == ["a.jpg", "b.jpg", "c.jpg"])
        #expect(LinkChecker.Site.removingDotSegments("/a/./b/../c/") == "/a/c/")
        #expect(LinkChecker.Site.removingDotSegments("/a/..") == "/")
    }
}
