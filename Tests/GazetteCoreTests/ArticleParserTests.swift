import Foundation
import Testing
@testable import GazetteCore

@Suite struct ArticleParserTests {
    var config: SiteConfig {
        var config = SiteConfig()
        config.timeZone = TimeZone(identifier: "Asia/Karachi")!
        return config
    }

    func parse(_ text: String, file: String = "Content/2025/story.md") -> (Article?, [Diagnostic]) {
        ArticleParser(config: config).parse(Array(text.utf8), displayPath: file, path: "/site/" + file)
    }

    func errors(_ text: String) -> [String] {
        parse(text).1.map(\.description)
    }

    /// Articles share their fields until one changes: a copy changed leaves the original as it was.
    @Test func aChangedCopyLeavesTheOriginal() throws {
        let original = try #require(parse(article(title: "Original", "topics: [Port]", body: "Body.")).0)
        var copy = original
        copy.title = "Changed"
        copy.topics.append("Weather")
        copy.wordCount += 10
        #expect(original.title == "Original" && original.topics == ["Port"] && original.wordCount == 1)
        #expect(copy.title == "Changed" && copy.topics == ["Port", "Weather"] && copy.wordCount == 11)
        #expect(copy.summary == original.summary && copy.source == original.source)
    }

    @Test func everyField() throws {
        let (parsed, diagnostics) = parse("""
        ---
        title: "Budget talks stall"
        date: 19 November 2025
        updated: 2025-11-20T09:15
        slug: budget-talks
        topics: Economy, Pakistan
        summary: Talks stall.
        highlights:
          - One
          - Two
        dateline: ISLAMABAD
        author: A. Writer
        image:
          src: /images/a.jpg
          alt: A street
          caption: A street in Karachi.
          credit: AFP
        short: ab12
        draft: true
        subtitle: More detail
        rank: 3
        ---

        The body.
        """)
        #expect(diagnostics.isEmpty)
        let article = try #require(parsed)
        #expect(article.title == "Budget talks stall")
        #expect(ISO8601DateFormatter().string(from: article.date) == "2025-11-18T19:00:00Z")
        #expect(ISO8601DateFormatter().string(from: try #require(article.updated)) == "2025-11-20T04:15:00Z")
        #expect(article.slug == "budget-talks")
        #expect(article.topics == ["Economy", "Pakistan"])
        #expect(article.summary == "Talks stall.")
        #expect(article.highlights == ["One", "Two"])
        #expect(article.dateline == "ISLAMABAD")
        #expect(article.authors == ["A. Writer"])
        #expect(article.image == ArticleImage(src: "/images/a.jpg", alt: "A street", caption: "A street in Karachi.", credit: "AFP"))
        #expect(article.short == "ab12")
        #expect(article.draft)
        guard case .string("More detail") = article.params["subtitle"], case .int(3) = article.params["rank"] else {
            Issue.record("params not kept: \(article.params)")
            return
        }
        #expect(article.source.bodyLine == 23)
        #expect(article.wordCount == 2)
    }

    @Test func defaults() throws {
        let long = String(repeating: "Many words here. ", count: 30)
        let (parsed, _) = parse("---\ntitle: T\ndate: 2025-01-01\ntopics: [A, B]\n---\n# Head\n\n\(long)\n\nSecond paragraph.\n",
                                file: "Content/2025/2025-01-01-my-story.md")
        let article = try #require(parsed)
        #expect(article.slug == "my-story")
        #expect(article.summary.hasPrefix("Many words here."))
        #expect(article.summary.hasSuffix("…"))
        #expect(article.summary.count <= 201)
        #expect(!article.draft)
        #expect(article.topics == ["A", "B"])
    }

    /// The summary is read from the start of the body only, but an opening too long to hold the first
    /// paragraph (a fenced listing with blank lines in it) does not lose it.
    @Test func summaryAfterALongOpening() throws {
        let listing = (1...120).map { "let line\($0) = \($0)\n\n" }.joined()
        let (parsed, _) = parse("---\ntitle: T\ndate: 2025-01-01\n---\n```swift\n\(listing)```\n\nThe first paragraph, after the code.\n")
        #expect(try #require(parsed).summary == "The first paragraph, after the code.")
        let later = String(repeating: "Filler sentence for the body. ", count: 200)
        let (short, _) = parse("---\ntitle: T\ndate: 2025-01-01\n---\nOpening line.\n\n\(later)\n")
        #expect(try #require(short).summary == "Opening line.")
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}---\r\ntitle: T\r\ndate: 2025-01-01\r\n---\r\nBody here.\r\n"
        let (parsed, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let article = try #require(parsed)
        #expect(article.title == "T")
        let body = Array(text.utf8)[article.source.bodyOffset...]
        #expect(String(decoding: body, as: UTF8.self) == "Body here.\r\n")
    }

    @Test func missingTitleAndDate() {
        #expect(errors("---\nslug: x\n---\nBody") == [
            "Content/2025/story.md:2:1: error: missing 'title' in front matter",
            "Content/2025/story.md:2:1: error: missing 'date' in front matter",
        ])
    }

    @Test func yamlSyntaxErrorAtYAMLsLine() throws {
        let problems = errors("---\ntitle: T\ndate: 2025-01-01\ntopics: [a, b\n---\nBody")
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("Content/2025/story.md:5:"))
        #expect(problems[0].contains("error: invalid YAML"))
    }

    @Test func unparseableDateQuotesTheValueAndTheForms() {
        let problems = errors("---\ntitle: T\ndate: next Tuesday\n---\n")
        #expect(problems == ["Content/2025/story.md:3:7: error: unparseable date 'next Tuesday' in 'date'; accepted forms: \(DateParser.acceptedForms)"])
        #expect(errors("---\ntitle: T\ndate: 2025-02-30\n---\n") == [
            "Content/2025/story.md:3:7: error: invalid date '2025-02-30' in 'date': day 30 does not exist in 2025-02, which has 28 days",
        ])
    }

    @Test func wrongTypes() {
        #expect(errors("---\ntitle: T\ndate: 2025-01-01\ntopics: 5\n---\n") == [
            "Content/2025/story.md:4:9: error: 'topics' must be a list or a comma-separated text, not the number 5",
        ])
        #expect(errors("---\ntitle: [a, b]\ndate: 2025-01-01\ndraft: maybe\n---\n") == [
            "Content/2025/story.md:2:8: error: 'title' must be text, not a list",
            "Content/2025/story.md:4:8: error: 'draft' must be true or false, not 'maybe'",
        ])
    }

    @Test func fileLevelProblems() {
        #expect(errors("") == ["Content/2025/story.md:1:1: error: empty file: an article needs front matter with at least a title and a date"])
        #expect(errors("Just text\n") == ["Content/2025/story.md:1:1: error: missing front matter: the file must start with a line '---', then YAML fields, then '---'"])
        #expect(errors("---\ntitle: T\n") == ["Content/2025/story.md:1:1: error: front matter opened here is never closed with a line '---'"])
        #expect(errors("---\n- a\n- b\n---\n") == ["Content/2025/story.md:2:1: error: front matter must be a mapping of fields (title: ..., date: ...), not a list"])
        let binary = ArticleParser(config: config).parse([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], displayPath: "x.md", path: "/x.md")
        #expect(binary.1.map(\.description) == ["x.md:1:1: error: file is not UTF-8 text (is it a binary file named .md?)"])
    }

    @Test func duplicateKeysAndAliasBombs() {
        let duplicate = errors("---\ntitle: A\ntitle: B\ndate: 2025-01-01\n---\n")
        #expect(duplicate.count == 1)
        #expect(duplicate.first?.contains("duplicate key 'title'") == true)
        var bomb = "---\ntitle: T\ndate: 2025-01-01\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        bomb += "---\n"
        let problems = errors(bomb)
        #expect(problems.contains { $0.contains("expands to more than") })
    }

    @Test func badSlugAndShortID() {
        #expect(errors("---\ntitle: T\ndate: 2025-01-01\nslug: '...'\n---\n") == [
            "Content/2025/story.md:4:7: error: slug '...' has no letters or digits to make a URL from",
        ])
        #expect(errors("---\ntitle: T\ndate: 2025-01-01\nshort: ../x\n---\n").first?.contains("short id '../x' must be ASCII") == true)
        let (parsed, _) = parse("---\ntitle: T\ndate: 2025-01-01\nslug: ../../etc/passwd\n---\n")
        #expect(parsed?.slug == "etc-passwd")
    }
}

@Suite struct SiteConfigTests {
    @Test func defaults() {
        let (config, diagnostics) = SiteConfig.parse("", displayPath: "site.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.language == "en")
        #expect(config.timeZone.secondsFromGMT() == 0)
        #expect(config.pageSize == 20)
        #expect(config.feedSize == 50)
        #expect(config.permalink.pattern == "/:year/:month/:day/:slug/")
        #expect(!config.markdownUnsafe)
    }

    @Test func everyKey() {
        let (config, diagnostics) = SiteConfig.parse("""
        title: Ledger
        description: News
        base_url: https://example.org/news
        language: ur
        time_zone: Asia/Karachi
        page_size: 10
        permalink: /:year/:slug/
        feed_size: 5
        markdown: {unsafe: true}
        """, displayPath: "site.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Ledger")
        #expect(config.baseURL == "https://example.org/news/")
        #expect(config.basePath == "/news/")
        #expect(config.relativeURL("/topics/") == "/news/topics/")
        #expect(config.absoluteURL("/topics/") == "https://example.org/news/topics/")
        #expect(config.language == "ur")
        #expect(config.timeZone.identifier == "Asia/Karachi")
        #expect(config.pageSize == 10)
        #expect(config.feedSize == 5)
        #expect(config.permalink.pattern == "/:year/:slug/")
        #expect(config.markdownUnsafe)
    }

    @Test func problems() {
        let (_, diagnostics) = SiteConfig.parse("""
        title: Ledger
        colour: red
        time_zone: Mars/Olympus
        page_size: 0
        base_url: example.org
        """, displayPath: "site.yml")
        #expect(diagnostics.map(\.description) == [
            "site.yml:2:1: warning: unknown key 'colour' is ignored",
            "site.yml:3:12: error: unknown time zone 'Mars/Olympus' (use an IANA name such as Asia/Karachi)",
            "site.yml:4:12: error: 'page_size' must be a whole number above 0, not the number 0",
            "site.yml:5:11: error: 'base_url' must be an absolute URL such as https://example.org/, not 'example.org'",
        ])
    }
}
