import Testing
@testable import GazetteCore

@Suite struct PlainTextTests {
    @Test func tagsAndEntitiesBecomeText() {
        let html = "<h2>Head</h2>\n<p>The <em>first</em> story &amp; more&#8212;with &lt;tags&gt; &#x41;.</p>\n<ul>\n<li>one</li>\n</ul>"
        #expect(PlainText.excerpt(fromHTML: html, limit: 200) == "Head The first story & more—with <tags> A. one")
    }

    @Test func longTextIsCutAfterAWord() {
        let html = "<p>" + Array(repeating: "word", count: 100).joined(separator: " ") + "</p>"
        let excerpt = PlainText.excerpt(fromHTML: html, limit: 50)
        #expect(excerpt.hasSuffix("word…"))
        #expect(excerpt.count <= 51)
    }

    @Test func otherScriptsAreKeptWhole() {
        let excerpt = PlainText.excerpt(fromHTML: "<p>پاکستان کی معیشت میں بہتری</p>", limit: 12)
        #expect(excerpt == "پاکستان کی…")
        #expect(PlainText.excerpt(fromHTML: "", limit: 10) == "")
        #expect(PlainText.excerpt(fromHTML: "<p>a & b &bogus; c</p>", limit: 100) == "a & b &bogus; c")
    }
}
