import Foundation
import Testing
@testable import GazetteCore

@Suite struct NewArticleTests {
    @Test func createsADatedFileInTheSiteZoneAndNeverOverwrites() throws {
        let site = try TestSite(["site.yml": "time_zone: Asia/Karachi\n"])
        defer { site.delete() }
        let now = try #require(ISO8601DateFormatter().date(from: "2025-12-31T20:30:00Z"))  // 01:30 on 1 January in Karachi
        let content = site.root.appendingPathComponent("Content")
        let paths = DisplayPaths(workingDirectory: site.root.path)
        let new = NewArticle(title: "  Senate passes \"budget\": what's next ", topics: ["Economy", " Pakistan ", "", "yes", "2025"])
        let url = try new.create(in: content, now: now, timeZone: site.options.siteTimeZone, paths: paths).get()
        #expect(paths.display(url) == "Content/2026/senate-passes-budget-what-s-next.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == """
        ---
        title: "Senate passes \\"budget\\": what's next"
        date: 2026-01-01T01:30:00+05:00
        topics: [Economy, Pakistan, "yes", "2025"]
        short: \(ShortID.make("Senate passes \"budget\": what's next"))
        ---


        """)
        let (article, diagnostics) = ArticleParser(config: SiteConfig()).parse(Array(text.utf8), displayPath: "x.md", path: url.path)
        #expect(diagnostics.isEmpty)
        #expect(article?.title == "Senate passes \"budget\": what's next")
        #expect(article?.topics == ["Economy", "Pakistan", "yes", "2025"])
        #expect(article?.date == now)

        try site.write("mine", to: "Content/2026/senate-passes-budget-what-s-next.md")
        let again = new.create(in: content, now: now, timeZone: site.options.siteTimeZone, paths: paths)
        guard case .failure(let problem) = again else { Issue.record("overwrote a file"); return }
        #expect(problem.description == "Content/2026/senate-passes-budget-what-s-next.md:1:1: error: file exists; it is left as it is (nothing is ever overwritten)")
        #expect(try String(contentsOf: url, encoding: .utf8) == "mine")
    }

    @Test func aTitleNeedsLettersOrDigits() {
        let result = NewArticle(title: "…").create(in: URL(fileURLWithPath: "/tmp/nowhere"), now: Date(), timeZone: .gmt,
                                                  paths: DisplayPaths(workingDirectory: "/tmp"))
        guard case .failure(let problem) = result else { Issue.record("made a file"); return }
        #expect(problem.message == "the title '…' has no letters or digits to make a file name from")
    }

    @Test func shortIDsAreFNV1aOfTheTitleInBase36() {
        #expect(ShortID.make("Pakistani military says four militants killed in operations across northwestern province") == "q4na2n")
        #expect(ShortID.make("Pakistan, global crypto exchange discuss modernizing digital payments, creating job prospects") == "a79v1h")
        #expect(ShortID.make("") == "j4ux45")  // the FNV offset basis, mod 36^6
    }
}
