import GazetteMustache
import Testing

@Suite struct EscapingTests {
    @Test func escapesTheFiveHTMLCharacters() throws {
        #expect(try render("{{s}}", ["s": #"& < > " '"#]) == "&amp; &lt; &gt; &quot; &#39;")
    }

    @Test func leavesOtherTextAlone() throws {
        #expect(try render("{{s}}", ["s": "Zoë — “quoted” 日本 🎉 plain"]) == "Zoë — “quoted” 日本 🎉 plain")
    }

    @Test func escapesRunsAtTheEdges() throws {
        #expect(try render("{{s}}", ["s": "<<a>>"]) == "&lt;&lt;a&gt;&gt;")
        #expect(try render("{{s}}", ["s": "&"]) == "&amp;")
    }

    @Test func templateTextIsNeverEscaped() throws {
        #expect(try render("<p class=\"x\">&amp; {{s}}</p>", ["s": "'"]) == "<p class=\"x\">&amp; &#39;</p>")
    }
}
