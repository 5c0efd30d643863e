import Foundation
import Testing
@testable import GazetteCore

@Suite struct ImportTests {
    /// `Tests/Fixtures/`, beside the test targets.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent()

    static func seed() throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("seed.txt"), encoding: .utf8)
    }

    @Test func recognisesEveryFieldOfBothSeedArticles() throws {
        let (stories, diagnostics) = WireDump.parse(try Self.seed(), file: "seed.txt")
        #expect(diagnostics.isEmpty)
        try #require(stories.count == 2)

        let military = stories[0]
        #expect(military.title == "Pakistani military says four militants killed in operations across northwestern province")
        #expect(military.line == 1)
        #expect(military.date == "19 November 2025")
        #expect(military.updated == "19 November 2025")
        #expect(military.dateline == "KARACHI")
        #expect(military.short == "q4na2n")
        #expect(military.slug == "pakistani-military-says-four-militants-killed-in-operations-across-northwestern-province")
        #expect(military.highlights == [
            "Army attributes killings to intelligence-led operations as Islamabad faces rising militant attacks in KP province",
            "Pakistan accuses Afghan- and India-linked networks of fueling violence, both nations deny the accusation",
        ])
        #expect(military.caption == "Army troops stand guard along a street in Kabal town of Swat Valley in Pakistan’s northwestern region of Khyber Pakhtunkhwa province on April 25, 2023.")
        #expect(military.credit == "AFP/File")
        #expect(military.paragraphs.count == 8)
        #expect(military.paragraphs.first?.hasPrefix("Pakistan’s military said on Wednesday four militants were killed") == true)
        #expect(military.paragraphs[2] == "The military also links the fighters to India, alleging they were part of “Indian-sponsored” networks operating in the region. New Delhi rejects such claims.")
        #expect(military.paragraphs.last?.hasSuffix("after the withdrawal of US and allied forces.") == true)

        let crypto = stories[1]
        #expect(crypto.title == "Pakistan, global crypto exchange discuss modernizing digital payments, creating job prospects")
        #expect(crypto.line == 30)
        #expect(crypto.date == "05 December 2025")
        #expect(crypto.updated == "05 December 2025")
        #expect(crypto.dateline == "ISLAMABAD")
        #expect(crypto.short == "a79v1h")
        #expect(crypto.highlights == [
            "Pakistani officials, Binance team discuss coordination between Islamabad, local banks and global exchanges",
            "Pakistan has attempted to tap into growing crypto market to curb illicit transactions, improve oversight",
        ])
        #expect(crypto.caption == nil && crypto.credit == nil)
        #expect(crypto.paragraphs.count == 12)
        #expect(crypto.paragraphs.first?.hasPrefix("Pakistan’s finance officials and the team of a global cryptocurrency exchange") == true)
        #expect(crypto.paragraphs.last == "In September, Islamabad invited international crypto exchanges and other VASPs to apply for licenses to operate in the country, a step aimed at formalizing and regulating its fast-growing digital market.")
    }

    @Test func reproducesTheSampleArchiveByteForByte() throws {
        let site = try TestSite(["seed.txt": try Self.seed()])
        defer { site.delete() }
        let content = site.root.appendingPathComponent("Content")
        // The sample archive is `gazette import ../shared/seed/000_aa8a6b5cbb6bce6f.txt --into Content --topics Pakistan`.
        let result = WireImporter(destination: content, paths: DisplayPaths(workingDirectory: site.root.path), topics: ["Pakistan"])
            .run([site.root.appendingPathComponent("seed.txt")])
        #expect(result.diagnostics.isEmpty)
        #expect(result.written.map(\.lastPathComponent) == [
            "pakistani-military-says-four-militants-killed-in-operations-across-northwestern-province.md",
            "pakistan-global-crypto-exchange-discuss-modernizing-digital-payments-creating-job-prospects.md",
        ])
        for url in result.written {
            let sample = Self.repository.appendingPathComponent("Content/2025").appendingPathComponent(url.lastPathComponent)
            #expect(try Data(contentsOf: url) == Data(contentsOf: sample), "\(url.lastPathComponent)")
        }
        // And the files read back as the articles they came from.
        let (articles, diagnostics) = ContentLoader(parser: ArticleParser(config: SiteConfig()), paths: DisplayPaths())
            .load(content)
        #expect(diagnostics.isEmpty)
        let military = try #require(articles.first { $0.short == "q4na2n" })
        #expect(military.image?.credit == "AFP/File")
        #expect(military.highlights.count == 2 && military.dateline == "KARACHI")
        #expect(military.topics == ["Pakistan"])
    }

    @Test func neverOverwritesAFile() throws {
        let site = try TestSite(["seed.txt": try Self.seed()])
        defer { site.delete() }
        let importer = WireImporter(destination: site.root.appendingPathComponent("Content"), paths: DisplayPaths(workingDirectory: site.root.path))
        #expect(importer.run([site.root.appendingPathComponent("seed.txt")]).written.count == 2)
        let path = "Content/2025/pakistan-global-crypto-exchange-discuss-modernizing-digital-payments-creating-job-prospects.md"
        try site.write("edited by hand", to: path)
        let again = importer.run([site.root.appendingPathComponent("seed.txt")])
        #expect(again.written.isEmpty)
        #expect(again.diagnostics.map(\.description) == [
            "Content/2025/pakistani-military-says-four-militants-killed-in-operations-across-northwestern-province.md:1:1: error: file exists; it is left as it is (nothing is ever overwritten)",
            "\(path):1:1: error: file exists; it is left as it is (nothing is ever overwritten)",
        ])
        #expect(try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8) == "edited by hand")
    }

    @Test func reportsWhatItCannotRecogniseWithFileAndLine() {
        let dump = """
        Wire service header
        Headline one

        Caption without a credit
        A stray line
        Updated 3 March 2025
        Follow

        Headline one

          • Point

        No dateline here.


        Headline two

        Updated 31 February 2025
        Follow

        Headline two

        LAHORE: Body.


        Headline three

        Updated 4 March 2025
        Follow

        Headline three

        """
        let (stories, diagnostics) = WireDump.parse(dump, file: "dump.txt")
        #expect(stories.map(\.title) == ["Headline one"])
        #expect(stories.first?.caption == "Caption without a credit" && stories.first?.credit == nil)
        #expect(stories.first?.paragraphs == ["No dateline here."])
        #expect(diagnostics.map(\.description) == [
            "dump.txt:1:1: warning: unrecognised text before the first article's headline: 'Wire service header'",
            "dump.txt:4:1: warning: the photo caption does not end with its credit in parentheses",
            "dump.txt:5:1: warning: unrecognised line between the headline and 'Updated': 'A stray line'",
            "dump.txt:13:1: warning: no dateline such as 'KARACHI:' opens the first paragraph",
            "dump.txt:18:1: error: invalid date '31 February 2025': day 31 does not exist in 2025-02, which has 28 days",
            "dump.txt:31:1: error: the article 'Headline three' has no body",
        ])
        let (none, problems) = WireDump.parse("Just some text.\n", file: "notes.txt")
        #expect(none.isEmpty)
        #expect(problems.map(\.description) == ["notes.txt:1:1: error: no article recognised: each needs a headline, an 'Updated <date>' line and a 'Follow' line"])
    }

    @Test func bodyTextStaysTextInMarkdown() throws {
        let story = WireStory(title: "T: \"quoted\"", date: "3 March 2025", updated: nil, dateline: "NEW DELHI", highlights: ["yes"],
                              caption: "A caption", credit: "Reuters", paragraphs: ["Prices rose *sharply* to $5 <b>", "1. Not a list", "# Not a heading", "• A bullet"],
                              line: 1)
        let site = try TestSite(["Content/2025/t.md": story.markdown])
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/03/03/t/index.html"))
        #expect(html.contains("<h1 dir=\"auto\">T: &quot;quoted&quot;</h1>"))
        #expect(html.contains("<p>Prices rose *sharply* to $5 &lt;b&gt;</p>"))
        #expect(html.contains("<p>1. Not a list</p>"))
        #expect(html.contains("<p># Not a heading</p>"))
        #expect(html.contains("<li>A bullet</li>"))
        #expect(html.contains("<span class=\"dateline\">NEW DELHI</span>"))
        #expect(html.contains("<li>yes</li>"))  // quoted, so not read as true
        #expect(html.contains("A caption <span class=\"credit\">(Reuters)</span>"))
    }
}
