import GazetteMustache
import Testing

/// The standalone-line rules: a line holding only whitespace and one tag that produces no
/// output disappears from the output, newline included.
@Suite struct WhitespaceTests {
    @Test func standaloneSectionLinesAreRemoved() throws {
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", ["boolean": true]) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", ["boolean": true]) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n", ["boolean": false]) == "| This Is\n|\n| A Line\n")
    }

    @Test func standaloneLinesWithCRLF() throws {
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", ["boolean": true]) == "|\r\n|")
        #expect(try render("a\r\n  {{#b}}  \r\n  x\r\n  {{/b}}\r\nz", ["b": true]) == "a\r\n  x\r\nz")
        #expect(try render("|\r\n{{! comment }}\r\n|") == "|\r\n|")
    }

    @Test func standaloneAtTheStartAndEndOfTheTemplate() throws {
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", ["boolean": true]) == "#\n/")
        #expect(try render("#{{#boolean}}\n/\n  {{/boolean}}", ["boolean": true]) == "#\n/\n")
    }

    @Test func tagsWithContentOnTheLineAreNotStandalone() throws {
        #expect(try render(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", ["boolean": true]) == " YES\n GOOD\n")
        #expect(try render("  {{#a}}x\n{{/a}}", ["a": true]) == "  x\n")
    }

    @Test func interpolationIsNeverStandalone() throws {
        #expect(try render("a\n  {{x}}\nb", ["x": ""]) == "a\n  \nb")
    }

    @Test func twoSectionTagsOnALineAreNotStandalone() throws {
        #expect(try render("a\n{{#x}}{{/x}}\nb", ["x": true]) == "a\n\nb")
    }

    @Test func whitespaceOnlyLinesAreKept() throws {
        #expect(try render("a\n   \nb") == "a\n   \nb")
    }

    @Test func multilineListsRenderCleanly() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n"
        #expect(try render(template, ["items": [["name": "a"], ["name": "b"]]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }
}
