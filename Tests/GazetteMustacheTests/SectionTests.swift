import GazetteMustache
import Testing

@Suite struct SectionTests {
    @Test func truthyAndFalseyValues() throws {
        let value: TemplateValue = [
            "yes": true, "no": false, "null": nil, "zero": 0, "zeroDouble": 0.0, "empty": "", "text": "t",
            "emptyList": [], "emptyObject": [:],
        ]
        let template = "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#null}}0{{/null}}{{#zero}}Z{{/zero}}{{#zeroDouble}}D{{/zeroDouble}}"
            + "{{#empty}}E{{/empty}}{{#text}}T{{/text}}{{#emptyList}}L{{/emptyList}}{{#emptyObject}}O{{/emptyObject}}{{#missing}}M{{/missing}}"
        #expect(try render(template, value) == "YZDTO")
    }

    @Test func objectsArePushedOnTheStack() throws {
        #expect(try render("{{#context}}Hi {{name}}.{{/context}}", ["context": ["name": "Joe"]]) == "Hi Joe.")
    }

    @Test func namesMissingInTheSectionAreFoundInParents() throws {
        let value: TemplateValue = ["a": "foo", "b": "wrong", "sec": ["b": "bar"], "c": ["d": "baz"]]
        #expect(try render("{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}", value) == "foo, bar, baz")
    }

    @Test func listsAreIterated() throws {
        #expect(try render("{{#list}}{{item}}{{/list}}", ["list": [["item": 1], ["item": 2], ["item": 3]]]) == "123")
    }

    @Test func nestedListsSeeEveryLevel() throws {
        let value: TemplateValue = ["tops": [["t": "A", "middles": [["m": "1", "bottoms": [["b": "x"], ["b": "y"]]]]]]]
        #expect(try render("{{#tops}}{{#middles}}{{#bottoms}}{{t}}{{m}}{{b}}.{{/bottoms}}{{/middles}}{{/tops}}", value) == "A1x.A1y.")
    }

    @Test func nonListValuesArePushedAsTheImplicitIterator() throws {
        #expect(try render("{{#foo}}{{.}} is {{foo}}{{/foo}}", ["foo": "bar"]) == "bar is bar")
    }

    @Test func implicitIteratorOverNestedLists() throws {
        #expect(try render("{{#list}}({{#.}}{{.}}{{/.}}){{/list}}", ["list": [[1, 2, 3], ["a", "b"]]]) == "(123)(ab)")
        #expect(try render("{{#.}}({{value}}){{/.}}", [["value": "a"], ["value": "b"]]) == "(a)(b)")
    }

    @Test func dottedSectionNames() throws {
        #expect(try render("{{#a.b.c}}Here{{/a.b.c}}", ["a": ["b": ["c": true]]]) == "Here")
        #expect(try render("[{{#a.b.c}}Here{{/a.b.c}}]", ["a": [:]]) == "[]")
    }

    @Test func customObjectSection() throws {
        #expect(try render("{{#p}}{{last}}, {{first}}{{/p}}", ["p": .custom(Person(first: "Grace", last: "Hopper"))]) == "Hopper, Grace")
    }

    @Test func sameSectionTwice() throws {
        #expect(try render("{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", ["bool": true, "two": "second"])
            == "* first\n* second\n* third\n")
    }
}
