import GazetteMustache
import Testing

/// Inputs on which the fuzz target in `Fuzz/Template` found bugs (see docs/reliability.md).
@Suite struct FuzzRegressionTests {
    /// 200 nested sections around a self-inclusion nest 64 × 200 levels deep before the partial
    /// recursion limit applies, which overflowed the stack; the nesting limit stops it at 512.
    @Test func sectionsAroundASelfInclusion() throws {
        let main = String(repeating: "{{#yes}}", count: 200) + "{{>main}}" + String(repeating: "{{/yes}}", count: 200)
        let library = try TemplateLibrary(templates: ["main": main])
        let error = try #require(#expect(throws: TemplateError.self) { try library.render("main", ["yes": true]) })
        // Two copies of main hold 2 × 200 sections and 2 inclusions; the 111th section of the third fails.
        #expect(error.description == "main.mustache:1:881: error: sections, blocks and partials nested deeper than 512: main > main > main")
    }

    @Test func fiveHundredTwelveLevelsAreAllowed() throws {
        func nested(_ open: String, _ close: String, _ count: Int) -> String {
            String(repeating: open, count: count) + "x" + String(repeating: close, count: count)
        }
        #expect(try render(nested("{{#yes}}", "{{/yes}}", 512), ["yes": true]) == "x")
        #expect(throws: TemplateError.self) { try render(nested("{{#yes}}", "{{/yes}}", 513), ["yes": true]) }
        #expect(try render(nested("{{^no}}", "{{/no}}", 512)) == "x")
        #expect(throws: TemplateError.self) { try render(nested("{{^no}}", "{{/no}}", 513)) }
        #expect(try render(nested("{{$b}}", "{{/b}}", 512)) == "x")
        #expect(throws: TemplateError.self) { try render(nested("{{$b}}", "{{/b}}", 513)) }
    }
}
