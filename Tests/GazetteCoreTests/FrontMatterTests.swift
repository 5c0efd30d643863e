import Foundation
import Testing
@testable import GazetteCore

@Suite struct FrontMatterTests {
    func split(_ text: String) -> Result<FrontMatter, FrontMatter.Problem> {
        Array(text.utf8).withUnsafeBufferPointer { FrontMatter.split($0) }
    }

    @Test func splitsYAMLFromBody() throws {
        let text = "---\ntitle: A\ndate: 2025-01-01\n---\n\nBody\n"
        let front = try split(text).get()
        #expect(front.yaml == "title: A\ndate: 2025-01-01\n")
        #expect(front.bodyLine == 5)
        #expect(String(decoding: Array(text.utf8)[front.bodyOffset...], as: UTF8.self) == "\nBody\n")
    }

    @Test func acceptsCRLFAndTrailingSpacesAndDots() throws {
        let crlf = try split("---\r\ntitle: A\r\n---\r\nBody\r\n").get()
        #expect(crlf.yaml == "title: A\r\n")
        #expect(crlf.bodyLine == 4)
        let dots = try split("---  \ntitle: A\n...\nBody").get()
        #expect(dots.yaml == "title: A\n")
    }

    @Test func frontMatterOnlyHasAnEmptyBody() throws {
        let front = try split("---\ntitle: A\n---").get()
        #expect(front.yaml == "title: A\n")
        #expect(front.bodyOffset == 16)
    }

    @Test func problems() {
        #expect(split("") == .failure(.empty))
        #expect(split(" \n\n") == .failure(.empty))
        #expect(split("title: A\n") == .failure(.missing))
        #expect(split("----\ntitle: A\n---\n") == .failure(.missing))
        #expect(split("---\ntitle: A\nbody with no end\n") == .failure(.unterminated))
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Pakistani military says four militants killed", "pakistani-military-says-four-militants-killed"),
        ("  Café au lait — Crème brûlée!  ", "cafe-au-lait-creme-brulee"),
        ("Khyber-Pakhtunkhwa", "khyber-pakhtunkhwa"),
        ("Saudi Arabia's 2030 plan", "saudi-arabia-s-2030-plan"),
        ("پاکستان", "پاکستان"),
        ("الأخبار العاجلة", "الأخبار-العاجلة"),
        ("中国 经济", "中国-经济"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b\u{0}c", "a-b-c"),
        ("...", ""),
        ("🚀 Launch", "launch"),
        ("zero\u{200B}width", "zerowidth"),
        ("-- Rates: 22%, up_from 2019 (BSE) --", "rates-22-up-from-2019-bse"),
        ("\u{212A}arachi \u{212B}", "karachi-a"),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func nonLatinSlugsArePercentEncodedInLinks() {
        #expect(Slug.urlEncoded("پاکستان") == "%D9%BE%D8%A7%DA%A9%D8%B3%D8%AA%D8%A7%D9%86")
        #expect(Route(["topics", "پاکستان"]).encodedPath == "/topics/%D9%BE%D8%A7%DA%A9%D8%B3%D8%AA%D8%A7%D9%86/")
        #expect(Route(["topics", "پاکستان"]).outputPath == "topics/پاکستان/index.html")
    }

    @Test func urlEncodingKeepsUnreservedBytesAndEncodesEveryOther() {
        #expect(Slug.urlEncoded("economy-2024_q1.v~2") == "economy-2024_q1.v~2")
        #expect(Slug.urlEncoded("a b/c%") == "a%20b%2Fc%25")
        #expect(Slug.urlEncoded("café") == "caf%C3%A9")
        #expect(Slug.urlEncoded("") == "")
    }

    @Test func fileNamesLoseTheirDatePrefix() {
        #expect(ArticleFields.slug(fromFileName: "2025-11-19-budget-talks") == "budget-talks")
        #expect(ArticleFields.slug(fromFileName: "2025-budget") == "2025-budget")
        #expect(ArticleFields.slug(fromFileName: "Budget Talks") == "budget-talks")
    }

    @Test func fileStemsDropTheFolderAndLastExtension() {
        #expect(ArticleParser.stem(of: "Content/2025/2025-11-19-budget-talks.md") == "2025-11-19-budget-talks")
        #expect(ArticleParser.stem(of: "notes.v2.md") == "notes.v2")
        #expect(ArticleParser.stem(of: "Content/.hidden") == ".hidden")
        #expect(ArticleParser.stem(of: "Content/README") == "README")
        #expect(ArticleParser.stem(of: "Contenu/été/café.md") == "café")
    }

    @Test func permalinks() throws {
        let time = CivilTime(year: 2025, month: 3, day: 7)
        #expect(Permalink.default.route(slug: "x", time: time).path == "/2025/03/07/x/")
        let custom = try Permalink.parse("/news/:year-:month/:slug/").get()
        #expect(custom.route(slug: "x", time: time).path == "/news/2025-03/x/")
        #expect((try? Permalink.parse("/:year/:title/").get()) == nil)
        #expect((try? Permalink.parse("/:year/").get()) == nil)
        #expect((try? Permalink.parse("/../:slug/").get()) == nil)
        #expect((try? Permalink.parse(":slug").get()) == nil)
    }
}
