import GazetteMustache
import Testing

@Suite struct InvertedSectionTests {
    @Test func rendersForFalseyValuesOnly() throws {
        let value: TemplateValue = ["no": false, "null": nil, "empty": "", "list": [], "zero": 0, "yes": true, "items": [1]]
        let template = "{{^no}}a{{/no}}{{^null}}b{{/null}}{{^empty}}c{{/empty}}{{^list}}d{{/list}}{{^missing}}e{{/missing}}"
            + "{{^zero}}X{{/zero}}{{^yes}}X{{/yes}}{{^items}}X{{/items}}"
        #expect(try render(template, value) == "abcde")
    }

    @Test func doesNotPushAContext() throws {
        #expect(try render("{{^list}}{{name}}{{/list}}", ["list": [], "name": "outer"]) == "outer")
    }

    @Test func pairsWithASection() throws {
        let template = "{{#items}}{{.}}{{/items}}{{^items}}none{{/items}}"
        #expect(try render(template, ["items": ["a", "b"]]) == "ab")
        #expect(try render(template, ["items": []]) == "none")
    }

    @Test func dottedNames() throws {
        #expect(try render("[{{^a.b.c}}Not Here{{/a.b.c}}]", ["a": ["b": ["c": true]]]) == "[]")
        #expect(try render("[{{^a.b.c}}Not Here{{/a.b.c}}]", ["a": [:]]) == "[Not Here]")
    }
}
