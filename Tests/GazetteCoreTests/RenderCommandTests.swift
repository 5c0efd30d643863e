import Foundation
import Testing

/// `gazette render TEMPLATE --data FILE [--partials DIR]`, run as a real process.
@Suite struct RenderCommandTests {
    static let executable = InterruptedBuildTests.executable

    func render(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["render"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-render-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func printsExactlyTheRenderedText() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the gazette product first")
        let root = try folder([
            "page.mustache": "{{<layout}}{{$body}}<p>{{greeting}}, {{name}}!</p>{{/body}}{{/layout}}",
            "layout.mustache": "<main>\n  {{$body}}nothing{{/body}}\n</main>",
            "list.mustache": "{{#items}}\n  {{> item}}\n{{/items}}\n",
            "item.mustache": "- {{.}}\n",
            "data.json": #"{"greeting": "Hello", "name": "<Karachi & Lahore>", "items": [1, 2.5, true]}"#,
            "data.yml": "greeting: Salaam\nname: Peshawar\nitems: [a, b]\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try render([root.appendingPathComponent("page.mustache").path, "--data", root.appendingPathComponent("data.json").path])
        #expect(page.status == 0 && page.errors.isEmpty)
        #expect(page.output == "<main>\n  <p>Hello, &lt;Karachi &amp; Lahore&gt;!</p>\n</main>")
        let list = try render([root.appendingPathComponent("list.mustache").path, "--data", root.appendingPathComponent("data.yml").path,
                               "--partials", root.path])
        #expect(list.output == "  - a\n  - b\n")
    }

    @Test func errorsNameTheFileLineAndColumn() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the gazette product first")
        let root = try folder([
            "broken.mustache": "line one\n  {{#open}}\n{{> missing}}\n",
            "data.json": "{}",
            "bad.json": "{not json",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let broken = try render([root.appendingPathComponent("broken.mustache").path, "--data", root.appendingPathComponent("data.json").path])
        #expect(broken.status != 0 && broken.output.isEmpty)
        #expect(broken.errors.contains("broken.mustache:3:1: error: unknown partial 'missing'"))
        #expect(broken.errors.contains("broken.mustache:2:3: error: unclosed section 'open'"))
        let bad = try render([root.appendingPathComponent("broken.mustache").path, "--data", root.appendingPathComponent("bad.json").path])
        #expect(bad.status != 0 && bad.errors.contains("bad.json:1:1: error: invalid JSON"))
    }
}
