import GazetteMustache
import Testing

@Suite struct DelimiterTests {
    @Test func changesDelimiters() throws {
        #expect(try render("{{=<% %>=}}(<%text%>)", ["text": "Hey!"]) == "(Hey!)")
        #expect(try render("({{=[ ]=}}[text])", ["text": "It worked!"]) == "(It worked!)")
    }

    @Test func newDelimitersApplyToEveryTagKind() throws {
        let template = "{{=| |=}}|#list||.||/list||^none|none|/none||! comment ||{html}||&html|"
        #expect(try render(template, ["list": [1, 2], "html": "<>"]) == "12none<><>")
    }

    @Test func delimitersCanBeChangedBack() throws {
        #expect(try render("{{=<% %>=}}<%a%>{{a}}<%={{ }}=%>{{a}}", ["a": "x"]) == "x{{a}}x")
    }

    @Test func partialsKeepTheDefaultDelimiters() throws {
        #expect(try render("{{=| |=}}[|>include|]", ["value": "yes"], partials: ["include": ".{{value}}."]) == "[.yes.]")
    }

    @Test func delimiterChangeIsStandalone() throws {
        #expect(try render("Begin.\n{{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{=@ @=}}\r\nEnd.\n") == "Begin.\nEnd.\n")
    }

    @Test func whitespaceAroundDelimitersIsAllowed() throws {
        #expect(try render("|{{= @   @ =}}|@x@", ["x": "y"]) == "||y")
    }
}
