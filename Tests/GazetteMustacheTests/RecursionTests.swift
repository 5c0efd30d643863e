import GazetteMustache
import Testing

@Suite struct RecursionTests {
    @Test func selfInclusionStopsAtTheDepthLimit() throws {
        let library = try TemplateLibrary(templates: ["page": "<{{>item}}>", "item": "\n [{{>item}}]"])
        let error = try #require(#expect(throws: TemplateError.self) { try library.render("page", [:]) })
        #expect(error.file == "item.mustache")
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.message == "partial recursion deeper than 64: page > item > item > item > … > item > item > item")
    }

    @Test func mutualRecursionNamesTheCycle() throws {
        let library = try TemplateLibrary(templates: ["a": "{{>b}}", "b": "{{<a}}{{/a}}"])
        let error = try #require(#expect(throws: TemplateError.self) { try library.render("a", [:]) })
        #expect(error.description == "a.mustache:1:1: error: partial recursion deeper than 64: a > b > a > b > … > b > a > b")
    }

    @Test func sixtyFourLevelsAreAllowed() throws {
        var depth: TemplateValue = nil
        for _ in 0..<65 { depth = ["next": depth] }
        let library = try TemplateLibrary(templates: ["node": "+{{#next}}{{>node}}{{/next}}"])
        // The root template plus 64 nested inclusions.
        #expect(try library.render("node", depth) == String(repeating: "+", count: 65))
        depth = ["next": depth]
        #expect(throws: TemplateError.self) { try library.render("node", depth) }
    }

    @Test func recursionEndingThroughDataRendersFully() throws {
        let library = try TemplateLibrary(templates: ["tree": "{{name}}{{#children}}({{>tree}}){{/children}}"])
        // Leaves need an explicit empty list: a missing key would be found further up the stack.
        let value: TemplateValue = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": []]]], ["name": "d", "children": []]]]
        #expect(try library.render("tree", value) == "a(b(c))(d)")
    }
}
