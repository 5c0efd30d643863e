import GazetteMustache
import Testing

@Suite struct PartialTests {
    @Test func includesThePartialInTheCurrentContext() throws {
        #expect(try render("\"{{>partial}}\"", ["text": "content"], partials: ["partial": "*{{text}}*"]) == "\"*content*\"")
        #expect(try render("{{#person}}{{> card}}{{/person}}", ["person": ["name": "Ann"]], partials: ["card": "<{{name}}>"]) == "<Ann>")
    }

    @Test func namesMayContainSlashes() throws {
        #expect(try render("[{{> partials/header }}]", ["t": "T"], partials: ["partials/header": "<h1>{{t}}</h1>"]) == "[<h1>T</h1>]")
    }

    @Test func nestedPartials() throws {
        let partials = ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"]
        #expect(try render("{{>outer}}", ["a": "hello", "b": "world"], partials: partials) == "*hello world!*")
    }

    @Test func recursionEndingThroughData() throws {
        let value: TemplateValue = ["content": "X", "nodes": [["content": "Y", "nodes": [["content": "Z", "nodes": []]]]]]
        #expect(try render("{{>node}}", value, partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]) == "X<Y<Z<>>>")
    }

    @Test func inlinePartialsKeepSurroundingWhitespace() throws {
        #expect(try render("| {{>partial}} |", partials: ["partial": "\t|\t"]) == "| \t|\t |")
        #expect(try render("  {{data}}  {{> partial}}\n", ["data": "|"], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
    }

    @Test func standalonePartialIsIndentedLineByLine() throws {
        let partials = ["partial": "|\n{{{content}}}\n|\n"]
        // The value's own newline is not indented: only the partial's template lines are.
        #expect(try render("\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: partials) == "\\\n |\n <\n->\n |\n/\n")
    }

    @Test func standalonePartialWithoutNewlines() throws {
        #expect(try render("  {{>partial}}\n>", partials: ["partial": ">\n>"]) == "  >\n  >>")
        #expect(try render(">\n  {{>partial}}", partials: ["partial": ">\n>"]) == ">\n  >\n  >")
    }

    @Test func standalonePartialWithCRLF() throws {
        #expect(try render("|\r\n{{>partial}}\r\n|", partials: ["partial": ">"]) == "|\r\n>|")
        #expect(try render("a\r\n  {{>p}}\r\nb", partials: ["p": "1\r\n2\r\n"]) == "a\r\n  1\r\n  2\r\nb")
    }

    @Test func indentationAccumulatesThroughNestedPartials() throws {
        let partials = ["outer": "<div>\n  {{>inner}}\n</div>\n", "inner": "<p>\n  {{text}}\n</p>\n"]
        let expected = "<body>\n  <div>\n    <p>\n      hi\n    </p>\n  </div>\n</body>\n"
        #expect(try render("<body>\n  {{>outer}}\n</body>\n", ["text": "hi"], partials: partials) == expected)
    }

    @Test func indentedPartialInsideASection() throws {
        let partials = ["item": "<li>{{.}}</li>\n"]
        #expect(try render("<ul>\n{{#items}}\n  {{>item}}\n{{/items}}\n</ul>\n", ["items": ["a", "b"]], partials: partials)
            == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func partialSeesTheWholeStack() throws {
        let value: TemplateValue = ["site": "S", "posts": [["title": "A"], ["title": "B"]]]
        #expect(try render("{{#posts}}{{>post}}{{/posts}}", value, partials: ["post": "[{{title}}@{{site}}]"]) == "[A@S][B@S]")
    }
}

@Suite struct PartialIndentationTests {
    @Test func emptyLinesOfAnIndentedPartialStayEmpty() throws {
        #expect(try render("<div>\n  {{>p}}\n</div>", partials: ["p": "<a>\n\n<b>\r\n\r\n<c>\n"]) == "<div>\n  <a>\n\n  <b>\r\n\r\n  <c>\n</div>")
        #expect(try render("  {{>p}}", ["x": ""], partials: ["p": "a\n{{x}}\nb"]) == "  a\n\n  b")
    }

    @Test func whitespaceOnlyLinesAreStillIndented() throws {
        #expect(try render("  {{>p}}", partials: ["p": "a\n \nb"]) == "  a\n   \n  b")
    }
}
