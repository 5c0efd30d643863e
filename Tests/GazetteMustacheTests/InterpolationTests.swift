import GazetteMustache
import Testing

@Suite struct InterpolationTests {
    @Test func plainTextRendersAsIs() throws {
        #expect(try render("Hello from {Mustache}!\n") == "Hello from {Mustache}!\n")
    }

    @Test func variableIsReplaced() throws {
        #expect(try render("Hello, {{subject}}!", ["subject": "world"]) == "Hello, world!")
    }

    @Test func outputIsNotReinterpolated() throws {
        #expect(try render("{{template}}: {{planet}}", ["template": "{{planet}}", "planet": "Earth"]) == "{{planet}}: Earth")
    }

    @Test func tripleMustacheAndAmpersandDoNotEscape() throws {
        let value: TemplateValue = ["html": "<b>&</b>"]
        #expect(try render("{{html}}|{{{html}}}|{{&html}}", value) == "&lt;b&gt;&amp;&lt;/b&gt;|<b>&</b>|<b>&</b>")
    }

    @Test func numbersAndBooleans() throws {
        let value: TemplateValue = ["int": 85, "negative": -3, "decimal": 1.21, "whole": 1.0, "yes": true, "no": false]
        #expect(try render("{{int}} {{negative}} {{decimal}} {{whole}} {{yes}} {{no}}", value) == "85 -3 1.21 1 true false")
    }

    @Test func missingAndNullRenderNothing() throws {
        #expect(try render("[{{missing}}][{{nothing}}][{{{nothing}}}]", ["nothing": nil]) == "[][][]")
    }

    @Test func paddingInsideTagsIsIgnored() throws {
        #expect(try render("|{{ string }}|{{{ string }}}|{{& string }}|", ["string": "---"]) == "|---|---|---|")
    }

    @Test func dottedNames() throws {
        let value: TemplateValue = ["person": ["name": "Joe", "address": ["city": "Oslo"]]]
        #expect(try render("{{person.name}} lives in {{person.address.city}}", value) == "Joe lives in Oslo")
    }

    @Test func dottedNamesDoNotFallBackAfterTheFirstPart() throws {
        let value: TemplateValue = ["a": ["b": [:]], "b": ["c": "ERROR"]]
        #expect(try render("[{{#a}}{{b.c}}{{/a}}]", value) == "[]")
    }

    @Test func dottedNameFirstPartIsFoundUpTheStack() throws {
        let value: TemplateValue = ["a": ["b": [:]], "c": ["d": "found"]]
        #expect(try render("{{#a}}{{#b}}{{c.d}}{{/b}}{{/a}}", value) == "found")
    }

    @Test func brokenChainsRenderNothing() throws {
        #expect(try render("[{{a.b.c}}][{{a.x.c}}]", ["a": ["b": "text"]]) == "[][]")
    }

    @Test func implicitIterator() throws {
        #expect(try render("{{.}}|{{{.}}}", "<&>") == "&lt;&amp;&gt;|<&>")
        #expect(try render("{{#list}}({{.}}){{/list}}", ["list": [1, 2.5, "c"]]) == "(1)(2.5)(c)")
    }

    @Test func customObjectsAreLookedUpLazily() throws {
        let value: TemplateValue = ["author": .custom(Person(first: "Ada", last: "Lovelace")), "last": "outer"]
        #expect(try render("{{author.full}}, {{#author}}{{first}} {{last}}{{/author}}", value) == "Ada Lovelace, Ada Lovelace")
        #expect(try render("{{#author}}{{missing}}{{/author}}", ["author": .custom(Person(first: "A", last: "B")), "missing": "up the stack"]) == "up the stack")
    }

    @Test func listsInterpolateAsCommaSeparatedItems() throws {
        #expect(try render("{{list}}", ["list": [1, "<a>", 2]]) == "1,&lt;a&gt;,2")
    }
}
