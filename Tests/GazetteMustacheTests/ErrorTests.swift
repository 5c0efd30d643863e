import Foundation
import GazetteMustache
import Testing

/// Compile errors: `file:line:column: error: message`, at the start of the offending tag.
@Suite struct ErrorTests {
    @Test func unclosedSectionPointsAtItsOpeningTag() {
        #expect(compileErrors(["page": "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n</ul>\n"])
            == ["page.mustache:2:3: error: unclosed section 'items': opened here, never closed"])
        #expect(compileErrors(["page": "{{^empty}}x"]) == ["page.mustache:1:1: error: unclosed inverted section 'empty': opened here, never closed"])
        #expect(compileErrors(["page": "x {{<layout}}", "layout": ""]) == ["page.mustache:1:3: error: unclosed parent 'layout': opened here, never closed"])
        #expect(compileErrors(["page": "{{$body}}\n"]) == ["page.mustache:1:1: error: unclosed block 'body': opened here, never closed"])
    }

    @Test func mismatchedClosingTagNamesWhatIsOpen() {
        #expect(compileErrors(["page": "{{#a}}\n{{#b}}\n  {{/a}}\n"])
            == ["page.mustache:3:3: error: closing tag 'a' does not match open section 'b' (opened at 2:1)"])
        #expect(compileErrors(["page": "{{#items}}x{{/itemz}}"])
            == ["page.mustache:1:12: error: closing tag 'itemz' does not match open section 'items' (opened at 1:1)"])
    }

    @Test func closingTagWithNothingOpen() {
        #expect(compileErrors(["page": "a\nb {{/items}}"]) == ["page.mustache:2:3: error: closing tag 'items' without an open section"])
    }

    @Test func unknownPartialAndParent() {
        #expect(compileErrors(["page": "a\n  {{> partials/missing }}\n"]) == ["page.mustache:2:3: error: unknown partial 'partials/missing'"])
        #expect(compileErrors(["page": "{{<nolayout}}{{$a}}x{{/a}}{{/nolayout}}"]) == ["page.mustache:1:1: error: unknown parent 'nolayout'"])
    }

    @Test func badAndUnterminatedDelimiterChanges() {
        #expect(compileErrors(["page": "x\n{{=<% =}}"])
            == ["page.mustache:2:1: error: bad delimiter change '{{=<% =}}': expected two delimiters separated by a space, neither containing '='"])
        #expect(compileErrors(["page": "{{=a= b=}}"])
            == ["page.mustache:1:1: error: bad delimiter change '{{=a= b=}}': expected two delimiters separated by a space, neither containing '='"])
        #expect(compileErrors(["page": "ab{{=<% %>}}{{x}}"]) == ["page.mustache:1:3: error: unterminated delimiter change: missing '=}}'"])
    }

    @Test func emptyTags() {
        #expect(compileErrors(["page": "{{}} {{#}}\n{{ }} {{{}}} {{/}}"]) == [
            "page.mustache:1:1: error: empty tag '{{}}'",
            "page.mustache:1:6: error: empty tag '{{#}}'",
            "page.mustache:2:1: error: empty tag '{{ }}'",
            "page.mustache:2:7: error: empty tag '{{{}}}'",
            "page.mustache:2:14: error: empty tag '{{/}}'",
        ])
    }

    @Test func unterminatedTags() {
        #expect(compileErrors(["page": "ok\nab {{name"]) == ["page.mustache:2:4: error: unterminated tag: missing '}}'"])
        #expect(compileErrors(["page": "{{{raw}}"]) == ["page.mustache:1:1: error: unterminated tag: missing '}}}'"])
        #expect(compileErrors(["page": "{{! note"]) == ["page.mustache:1:1: error: unterminated comment: missing '}}'"])
    }

    @Test func invalidNames() {
        #expect(compileErrors(["page": "{{a..b}} {{first name}}"]) == [
            "page.mustache:1:1: error: invalid name 'a..b'",
            "page.mustache:1:10: error: invalid name 'first name' in tag '{{first name}}': names cannot contain spaces",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(compileErrors(["page": "Zoë → {{/x}}"]) == ["page.mustache:1:7: error: closing tag 'x' without an open section"])
    }

    @Test func everyErrorOfEveryTemplateInOneRun() {
        let errors = compileErrors([
            "a": "{{#x}}\n{{/y}}\n{{> nope}}\n{{}}\n",
            "b": "fine",
            "c": "{{<gone}}{{/gone}}",
        ])
        #expect(errors == [
            "a.mustache:2:1: error: closing tag 'y' does not match open section 'x' (opened at 1:1)",
            "a.mustache:3:1: error: unknown partial 'nope'",
            "a.mustache:4:1: error: empty tag '{{}}'",
            "c.mustache:1:1: error: unknown parent 'gone'",
        ])
    }

    @Test func errorFieldsAndDescription() throws {
        let error = try #require(#expect(throws: TemplateErrors.self) { try TemplateLibrary(templates: ["t": "a\n {{/x}}"]) })
        #expect(error.errors == [TemplateError(file: "t.mustache", line: 2, column: 2, message: "closing tag 'x' without an open section")])
        #expect(error.description == "t.mustache:2:2: error: closing tag 'x' without an open section")
    }

    @Test func compileReportsAgainstTheGivenFileName() throws {
        let library = try TemplateLibrary(templates: ["item": "<{{.}}>"])
        #expect(try library.compile("{{#list}}{{>item}}{{/list}}", file: "cli.mustache").render(["list": [1, 2]]) == "<1><2>")
        let error = try #require(#expect(throws: TemplateErrors.self) { try library.compile("\n{{>other}}", file: "cli.mustache") })
        #expect(error.description == "cli.mustache:2:1: error: unknown partial 'other'")
    }

    @Test func blockInsideItsOwnOverride() {
        #expect(compileErrors(["page": "{{<layout}}{{$a}}<{{$a}}x{{/a}}>{{/a}}{{/layout}}", "layout": "{{$a}}{{/a}}"])
            == ["page.mustache:1:19: error: block 'a' inside an override of the same block would repeat forever"])
    }

    @Test func unknownTemplateName() throws {
        let library = try TemplateLibrary(templates: ["a": "x"])
        let error = try #require(#expect(throws: TemplateError.self) { try library.render("b", [:]) })
        #expect(error.description == "b: error: unknown template 'b'")
    }
}
