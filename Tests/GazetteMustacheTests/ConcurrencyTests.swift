import GazetteMustache
import Testing

@Suite struct ConcurrencyTests {
    @Test func oneTemplateRenderedFromManyTasks() async throws {
        let library = try TemplateLibrary(templates: [
            "layout": "<main>\n  {{$body}}\n  {{/body}}\n</main>\n",
            "row": "<li>{{n}}: {{label}}</li>\n",
            "page": "{{<layout}}\n{{$body}}\n<h1>{{title}}</h1>\n<ul>\n  {{#rows}}\n  {{>row}}\n  {{/rows}}\n</ul>\n{{/body}}\n{{/layout}}\n",
        ])
        func value(_ task: Int) -> TemplateValue {
            ["title": "Page \(task) <&>", "rows": .list((0..<50).map { ["n": .int($0), "label": "row \($0) of \(task)"] })]
        }
        func expected(_ task: Int) -> String {
            let rows = (0..<50).map { "    <li>\($0): row \($0) of \(task)</li>\n" }.joined()
            return "<main>\n  <h1>Page \(task) &lt;&amp;&gt;</h1>\n  <ul>\n\(rows)  </ul>\n</main>\n"
        }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for task in 0..<64 {
                group.addTask {
                    var last = ""
                    for _ in 0..<20 { last = try library.render("page", value(task)) }
                    return (task, last)
                }
            }
            var results: [Int: String] = [:]
            for try await (task, output) in group { results[task] = output }
            return results
        }
        #expect(results.count == 64)
        for task in 0..<64 {
            #expect(results[task] == expected(task))
        }
    }

    @Test func renderingIntoABufferAppends() throws {
        let template = try TemplateLibrary(templates: [:]).compile("<{{x}}>", file: "t")
        var buffer = Array("start ".utf8)
        try template.render(["x": 1], into: &buffer)
        try template.render(["x": 2], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "start <1><2>")
    }
}
