import Foundation
import Testing
@testable import GazetteCore

/// Inputs meant to break a build: each gets a correct page or a diagnostic, never a crash, a hang or a
/// damaged output folder.
@Suite struct HostileInputTests {
    /// Builds `site`, which must fail, and checks that the output folder is exactly as it was.
    func failsLeavingOutputAlone(_ site: TestSite, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let before = site.snapshot()
        let problems = site.failures().map(\.description)
        #expect(!problems.isEmpty, "the build should have failed", sourceLocation: sourceLocation)
        #expect(site.snapshot() == before, "the output folder changed", sourceLocation: sourceLocation)
        #expect(!site.outputFiles().contains { $0.contains(".gazette-tmp") }, sourceLocation: sourceLocation)
        return problems
    }

    func siteWithOutput(_ files: [String: String] = [:]) throws -> TestSite {
        var all = files
        all["Content/good.md"] = article(title: "Good", date: "2025-06-01")
        let site = try TestSite(all)
        try site.build()
        return site
    }

    @Test func hugeBodiesLongLinesAndDeepNesting() throws {
        let paragraph = String(repeating: "Words with *emphasis* and [links](https://example.org/x). ", count: 20) + "\n\n"
        let site = try TestSite([
            "Content/huge.md": article(title: "Huge", date: "2025-06-01", body: String(repeating: paragraph, count: 45_000)),
            "Content/line.md": article(title: "Line", date: "2025-06-02", body: String(repeating: "word ", count: 200_000)),
            "Content/quotes.md": article(title: "Quotes", date: "2025-06-03", body: String(repeating: ">", count: 10_000) + " deep"),
            "Content/lists.md": article(title: "Lists", date: "2025-06-04", body: String(repeating: "- ", count: 10_000) + "deep"),
            "Content/indented.md": article(title: "Indented", date: "2025-06-05",
                                           body: (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")),
        ])
        defer { site.delete() }
        #expect(try site.build().articles == 5)
        let huge = try #require(site.output("2025/06/01/huge/index.html"))
        #expect(huge.utf8.count > 50_000_000)
        #expect(huge.hasSuffix("</html>\n"))
        #expect(site.output("2025/06/02/line/index.html")?.contains(String(repeating: "word ", count: 1000)) == true)
        #expect(site.output("2025/06/03/quotes/index.html")?.contains("deep") == true)
        #expect(site.output("2025/06/04/lists/index.html")?.contains("deep") == true)
        #expect(site.output("2025/06/05/indented/index.html")?.contains("item") == true)
    }

    @Test func tenThousandTopicsOnOneArticle() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        let topics = (0..<10_000).map { "Topic \($0)" }.joined(separator: ", ")
        try site.write(article(title: "Everything", date: "2025-06-02", "topics: [\(topics)]"), to: "Content/all.md")
        #expect(failsLeavingOutputAlone(site) == ["Content/all.md:4:9: error: 'topics' has 10000 entries; an article may have at most 100"])
        // A hundred is fine.
        let hundred = (0..<100).map { "Topic \($0)" }.joined(separator: ", ")
        try site.write(article(title: "Everything", date: "2025-06-02", "topics: [\(hundred)]"), to: "Content/all.md")
        #expect(try site.build().articles == 2)
        #expect(site.output("topics/topic-99/index.html")?.contains("Everything") == true)
    }

    @Test func aHundredThousandArticlesInOneTopic() throws {
        let template = article(title: "T", date: "2025-01-01", "topics: [Everything]")
        var parser = ArticleParser(config: SiteConfig())
        parser.markdown = MarkdownRenderer()
        let (base, _) = parser.parse(Array(template.utf8), displayPath: "t.md", path: "/t.md")
        let start = try #require(base).date
        let articles = (0..<100_000).map { n -> Article in
            var copy = base!
            copy.title = "Story \(n)"
            copy.slug = "story-\(n)"
            copy.date = start.addingTimeInterval(Double(n) * 600)
            copy.source.path = "/content/\(n).md"
            copy.source.displayPath = "Content/\(n).md"
            return copy
        }
        let (index, diagnostics) = SiteIndex.build(articles, config: SiteConfig())
        #expect(diagnostics.isEmpty)
        #expect(index.topics.count == 1 && index.topics[0].articles.count == 100_000)
        let pages = PagePlanner(index: index).pages()
        let topicPages = pages.filter { if case .topic = $0.kind { return true } else { return false } }
        #expect(topicPages.count == 5_000)
        #expect(topicPages.last?.route.path == "/topics/everything/page/5000/")
        let feeds = Feed.all(for: index).filter { $0.page == index.topics[0].route }
        #expect(feeds.allSatisfy { $0.articles.count == 50 && $0.articles.first == 0 })
    }

    @Test func yamlThatAttacksOrMisleads() throws {
        var bomb = "---\ntitle: T\ndate: 2025-01-01\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let site = try siteWithOutput([:])
        defer { site.delete() }
        try site.write(bomb + "---\n", to: "Content/bomb.md")
        try site.write("---\ntitle: T\ndate: 2025-01-01\ntopics:\n\t- a\n---\n", to: "Content/tabs.md")
        try site.write("---\ntitle: A\ntitle: B\ndate: 2025-01-01\n---\n", to: "Content/twice.md")
        try site.write("---\njust a sentence\n---\n", to: "Content/sentence.md")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.contains { $0.hasPrefix("Content/bomb.md:") && $0.contains("expands to more than") })
        #expect(problems.contains { $0.hasPrefix("Content/tabs.md:5:") && $0.contains("invalid YAML") })
        #expect(problems.contains { $0.hasPrefix("Content/twice.md:") && $0.contains("duplicate key 'title'") })
        #expect(problems.contains { $0.hasPrefix("Content/sentence.md:2:1: error: front matter must be a mapping") })
    }

    @Test func filesThatAreNotWhatTheySeem() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        try site.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), to: "Content/photo.md")
        try site.write("", to: "Content/empty.md")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems == [
            "Content/empty.md:1:1: error: empty file: an article needs front matter with at least a title and a date",
            "Content/photo.md:1:1: error: file is not UTF-8 text (is it a binary file named .md?)",
        ])
        try site.remove("Content/photo.md")
        try site.remove("Content/empty.md")
        // A byte order mark, CRLF line ends and front matter alone are all fine.
        try site.write("\u{FEFF}---\r\ntitle: Windows\r\ndate: 2025-06-02\r\n---\r\nLine one.\r\nLine two.\r\n", to: "Content/crlf.md")
        try site.write("---\ntitle: Only front matter\ndate: 2025-06-03\n---", to: "Content/bare.md")
        #expect(try site.build().articles == 3)
        #expect(site.output("2025/06/02/crlf/index.html")?.contains("Line one.\nLine two.") == true)
        #expect(site.output("2025/06/03/bare/index.html")?.contains("<h1 dir=\"auto\">Only front matter</h1>") == true)
    }

    @Test func titlesInEveryScript() throws {
        let titles = [
            "urdu": "پاکستان میں بارش کا نیا ریکارڈ",
            "arabic": "الأمطار الغزيرة تغمر المدينة",
            "chinese": "中国经济增长放缓",
            "emoji": "Launch day 🚀🎉 for the mission",
            "zero-width": "Zero\u{200B}width\u{200D}joiners\u{FEFF} here",
        ]
        var files: [String: String] = [:]
        for (n, (name, title)) in titles.sorted(by: { $0.key < $1.key }).enumerated() {
            files["Content/\(name).md"] = article(title: title, date: "2025-06-0\(n + 1)", "topics: [\(title.replacingOccurrences(of: "\u{FEFF}", with: ""))]")
        }
        let site = try TestSite(files)
        defer { site.delete() }
        #expect(try site.build().articles == 5)
        let urdu = try #require(site.output("2025/06/04/urdu/index.html"))
        #expect(urdu.contains("<h1 dir=\"auto\">پاکستان میں بارش کا نیا ریکارڈ</h1>"))
        #expect(site.exists("Output/topics/پاکستان-میں-بارش-کا-نیا-ریکارڈ/index.html"))
        #expect(site.output("2025/06/03/emoji/index.html")?.contains("Launch day 🚀🎉 for the mission") == true)
        #expect(site.output("2025/06/01/arabic/index.html")?.contains("<h1 dir=\"auto\">الأمطار الغزيرة تغمر المدينة</h1>") == true)
        #expect(site.exists("Output/topics/zerowidthjoiners-here/index.html"))
    }

    @Test(arguments: [
        ("2025-02-30", "day 30 does not exist in 2025-02"),
        ("0000-06-01", "year 0 is outside 1 to 9999"),
        ("10000-01-01", "unparseable date '10000-01-01'"),
        ("2025-06-01T10:00:00+25:00", "zone offset 25:0 is beyond ±14:00"),
    ])
    func impossibleDates(_ date: String, _ message: String) throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        try site.write(article(title: "When", date: date), to: "Content/when.md")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/when.md:3:7: error:") == true)
        #expect(problems.first?.contains(message) == true, "\(problems)")
    }

    @Test func twoClaimsOnOneSlugOrShortID() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        try site.write(article(title: "One", date: "2025-07-01", "slug: same\nshort: abc"), to: "Content/one.md")
        try site.write(article(title: "Two", date: "2025-07-01T18:00", "slug: same\nshort: abc"), to: "Content/two.md")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.contains { $0.contains("URL /2025/07/01/same/ is claimed by both Content/two.md and Content/one.md") }, "\(problems)")
        #expect(problems.contains { $0.contains("short id 'abc' is claimed by both Content/two.md and Content/one.md") }, "\(problems)")
    }

    @Test(arguments: [
        ("{{<layout}}\n{{$main}}\n{{/main}}\n{{/layout}}\n{{#article}}<h1>{{title}}</h1>\n", "5:1", "unclosed section 'article'"),
        ("{{<layout}}\n{{$main}}\n{{#article}}{{/articles}}\n{{/main}}\n{{/layout}}\n", "3:13",
         "closing tag 'articles' does not match open section 'article'"),
        ("{{<layout}}\n{{$main}}\n{{> partials/missing}}\n{{/main}}\n{{/layout}}\n", "3:1", "unknown partial 'partials/missing'"),
        ("{{<layout}}\n{{$main}}\n{{=<% %>=}}<%title%><%={{ }}\n{{/main}}\n{{/layout}}\n", "3:", "unterminated delimiter change"),
    ])
    func brokenTemplates(_ template: String, _ position: String, _ message: String) throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        try site.write(template, to: "Templates/article.mustache")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.contains { $0.hasPrefix("Templates/article.mustache:\(position)") && $0.contains(message) }, "\(problems)")
    }

    @Test func nothingIsWrittenOutsideTheOutputFolder() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        try site.write(article(title: "Escape", date: "2025-07-01", "slug: ../../../../tmp/escape\ntopics: [\"../..\", \"..\\\\..\"]\naliases: [/../../etc/]"),
                       to: "Content/escape.md")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.contains { $0.hasPrefix("Content/escape.md:") && $0.contains("alias") })
        try site.write(article(title: "Escape", date: "2025-07-01", "slug: ../../../../tmp/escape\ntopics: [\"../..\"]"), to: "Content/escape.md")
        let more = failsLeavingOutputAlone(site)
        #expect(more == ["Content/escape.md:1:1: error: topic '../..' has no letters or digits to make a URL from"])
        try site.write(article(title: "Escape", date: "2025-07-01", "slug: ../../../../tmp/escape"), to: "Content/escape.md")
        try site.build()
        #expect(site.exists("Output/2025/07/01/tmp-escape/index.html"))
        let outside = site.root.deletingLastPathComponent().appendingPathComponent("tmp")
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("escape").path))
    }

    @Test(arguments: ["/robots.txt", "/feed.xml", "/assets/style.css", "/search/meta.json", "/sitemap-1.xml", "/topics/pakistan/feed.json"])
    func aPageCannotTakeAFileTheBuildWritesItself(_ alias: String) throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        try site.write(article(title: "Taker", date: "2025-07-01", "topics: [Pakistan]\naliases: [\"\(alias)\"]"), to: "Content/taker.md")
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.contains { $0.hasPrefix("Content/taker.md:1:1: error:") && $0.contains("which the build writes for itself") },
                "\(problems)")
    }

    @Test func symbolicLinksInTheOutputFolderAreNotWrittenThrough() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        let elsewhere = site.root.deletingLastPathComponent().appendingPathComponent("elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try site.remove("Output/2025")
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Output/2025"), withDestinationURL: elsewhere)
        try site.write(article(title: "Good", date: "2025-06-01", body: "Changed."), to: "Content/good.md")
        let problems = site.failures().map(\.description)
        #expect(problems.contains { $0.contains("refusing to write through a symbolic link") }, "\(problems)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func symbolicLinksThatLeadOutAreRefused() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        let secret = site.root.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).md")
        try article(title: "Secret", date: "2025-01-01").write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/secret.md"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Templates/assets/passwd"),
                                                   withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/loop"),
                                                   withDestinationURL: site.root.appendingPathComponent("Content"))
        let problems = failsLeavingOutputAlone(site)
        #expect(problems.contains { $0.hasPrefix("Content/secret.md:1:1: error: symbolic link leads outside") })
        #expect(problems.contains { $0.hasPrefix("Templates/assets/passwd:1:1: error: symbolic link leads outside") })
        #expect(problems.contains { $0.hasPrefix("Content/loop:1:1: error: symbolic link loop") })
        #expect(!site.exists("Output/assets/passwd"))
    }

    @Test func outputFoldersThatWouldDestroyTheSiteAreRefused() throws {
        let site = try siteWithOutput()
        defer { site.delete() }
        let before = site.snapshot()
        for output in [site.root, site.root.appendingPathComponent("Content"), site.root.appendingPathComponent("Templates"),
                       site.root.deletingLastPathComponent(), URL(fileURLWithPath: "/"), FileManager.default.homeDirectoryForCurrentUser,
                       site.root.appendingPathComponent("Content/out")] {
            let problems = site.failures { $0.output = output }
            #expect(problems.count == 1 && problems[0].message.hasPrefix("refusing to write"), "\(output.path): \(problems)")
        }
        #expect(site.snapshot() == before)
        #expect(!site.exists("Content/out"))
    }
}
