import Foundation
import Testing
@testable import GazetteCore

@Suite struct BuildErrorTests {
    @Test func everyErrorIsReportedAndOutputStaysAsItWas() throws {
        let site = try TestSite([
            "site.yml": "title: T\nbase_url: https://example.org/",
            "Content/good.md": article(title: "Good", date: "2025-06-01"),
        ])
        defer { site.delete() }
        try site.build()
        try site.write("mine", to: "Output/notes.txt")
        let before = snapshot(site)

        try site.write("---\ntitle: No date\n---\n", to: "Content/no-date.md")
        try site.write("---\ntitle: T\ndate: 2025-01-01\ntopics: 5\n---\n", to: "Content/bad-topics.md")
        try site.write("", to: "Content/empty.md")
        try site.write(Data([0xFF, 0xFE, 0x00, 0x41]), to: "Content/binary.md")
        try site.write("---\ntitle: T\ndate: 2025-01-01\n", to: "Content/open.md")
        let problems = site.failures().map(\.description)
        #expect(problems == [
            "Content/bad-topics.md:4:9: error: 'topics' must be a list or a comma-separated text, not the number 5",
            "Content/binary.md:1:1: error: file is not UTF-8 text (is it a binary file named .md?)",
            "Content/empty.md:1:1: error: empty file: an article needs front matter with at least a title and a date",
            "Content/no-date.md:2:1: error: missing 'date' in front matter",
            "Content/open.md:1:1: error: front matter opened here is never closed with a line '---'",
        ])
        #expect(snapshot(site) == before)
    }

    @Test func twoArticlesWithOneURLNameBothFiles() throws {
        let site = try TestSite([
            "Content/a/story.md": article(title: "One", date: "2025-06-01"),
            "Content/b/story.md": article(title: "Two", date: "2025-06-01T15:00"),
        ])
        defer { site.delete() }
        let problems = site.failures().map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("URL /2025/06/01/story/ is claimed by both Content/") == true)
        #expect(problems.first?.contains("Content/a/story.md") == true && problems.first?.contains("Content/b/story.md") == true)
    }

    @Test func articleOverAGeneratedPageIsAClash() throws {
        let site = try TestSite([
            "site.yml": "permalink: /:slug/",
            "Content/topics.md": article(title: "Topics", date: "2025-06-01"),
        ])
        defer { site.delete() }
        let problems = site.failures().map(\.description)
        #expect(problems == ["Content/topics.md:1:1: error: the article of Content/topics.md and the page /topics/ would both be written to topics/index.html"])
    }

    @Test func templateErrorsComeWithTheirPositions() throws {
        let site = try TestSite(["Content/a.md": article(title: "A", date: "2025-06-01")])
        defer { site.delete() }
        try site.write("{{<layout}}{{$main}}\n{{#article}}<h1>{{title}}</h1>\n{{/main}}{{/layout}}\n", to: "Templates/article.mustache")
        try site.write("{{<layout}}{{$main}}{{> partials/nowhere}}{{/main}}{{/layout}}\n", to: "Templates/topics.mustache")
        let problems = site.failures().map(\.description)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("Templates/article.mustache:") && $0.contains("error:") })
        #expect(problems.contains { $0.hasPrefix("Templates/topics.mustache:1:21: error:") && $0.contains("partials/nowhere") })
    }

    @Test func aMissingTemplateIsNamed() throws {
        let site = try TestSite(["Content/a.md": article(title: "A", date: "2025-06-01")])
        defer { site.delete() }
        try site.remove("Templates/archive-month.mustache")
        #expect(site.failures().map(\.description) == ["Templates/archive-month.mustache:1:1: error: missing template 'archive-month.mustache' for archive-month pages"])
    }

    @Test func aThemeNeedsTemplatesOnlyForThePagesTheSiteHas() throws {
        let site = try TestSite(["Content/a.md": article(title: "A", date: "2025-06-01")])
        defer { site.delete() }
        for name in ["author", "authors", "redirect"] { try site.remove("Templates/\(name).mustache") }
        #expect(try site.build().articles == 1)  // no bylines, no short URLs: no such pages
        try site.write(article(title: "A", date: "2025-06-01", "author: Omar Ali"), to: "Content/a.md")
        #expect(site.failures().map(\.description) == [
            "Templates/author.mustache:1:1: error: missing template 'author.mustache' for author pages",
            "Templates/authors.mustache:1:1: error: missing template 'authors.mustache' for authors pages",
        ])
    }

    @Test func unknownSiteKeysAreWarningsNotFailures() throws {
        let site = try TestSite([
            "site.yml": "title: T\ncolour: red\n",
            "Content/a.md": article(title: "A", date: "2025-06-01"),
        ])
        defer { site.delete() }
        let report = try site.build()
        #expect(report.diagnostics.map(\.description) == ["site.yml:2:1: warning: unknown key 'colour' is ignored"])
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let site = try TestSite([
            "Content/a.md": article(title: "A", date: "2025-06-01"),
            "Content/b.md": article(title: "B", date: "2025-06-02"),
        ])
        defer { site.delete() }
        try site.build()
        let path = site.root.appendingPathComponent("Output/2025/06/01/a/index.html").path
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        try site.build()
        let kept = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(kept == old)
        try site.write(article(title: "A changed", date: "2025-06-01"), to: "Content/a.md")
        try site.build()
        let changed = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(changed != old)
        #expect(site.output("2025/06/01/a/index.html")?.contains("A changed") == true)
    }

    func snapshot(_ site: TestSite) -> [String: String] {
        Dictionary(uniqueKeysWithValues: site.outputFiles().map { ($0, site.output($0) ?? "") })
    }
}
