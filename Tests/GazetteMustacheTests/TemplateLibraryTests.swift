import Foundation
import GazetteMustache
import Testing

@Suite struct TemplateLibraryTests {
    /// A fresh folder with the given files, removed after `body`.
    private func withFolder(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-mustache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try body(folder)
    }

    @Test func loadsTemplatesRecursivelyByRelativeName() throws {
        try withFolder([
            "article.mustache": "{{>partials/header}}<p>{{body}}</p>",
            "partials/header.mustache": "<h1>{{title}}</h1>",
            "partials/deep/x.mustache": "x",
            "notes.txt": "not a template",
            ".hidden/y.mustache": "{{",
        ]) { folder in
            let library = try TemplateLibrary(directory: folder)
            #expect(library.names == ["article", "partials/deep/x", "partials/header"])
            #expect(library.contains("partials/header"))
            #expect(!library.contains("notes"))
            #expect(try library.render("article", ["title": "T", "body": "B"]) == "<h1>T</h1><p>B</p>")
        }
    }

    @Test func errorsUseTheDisplayPath() throws {
        try withFolder([
            "article.mustache": "ok\n{{#a}}",
            "partials/bad.mustache": "{{> missing}}",
        ]) { folder in
            let error = try #require(#expect(throws: TemplateErrors.self) { try TemplateLibrary(directory: folder, displayPath: "Templates") })
            #expect(error.description == """
                Templates/article.mustache:2:1: error: unclosed section 'a': opened here, never closed
                Templates/partials/bad.mustache:1:1: error: unknown partial 'missing'
                """)
            let defaultPath = try #require(#expect(throws: TemplateErrors.self) { try TemplateLibrary(directory: folder) })
            #expect(defaultPath.errors.first?.file == folder.path + "/article.mustache")
        }
    }

    /// Files the caller read: a byte order mark is dropped, an unreadable or non-UTF-8 file is an error
    /// that still defines its name.
    @Test func filesReadByTheCaller() throws {
        let library = try TemplateLibrary(files: [
            .init(path: "page.mustache", contents: [0xEF, 0xBB, 0xBF] + Array("<p>{{>partials/x}}</p>".utf8)),
            .init(path: "partials/x.mustache", contents: Array("{{name}}".utf8)),
        ], displayPath: "Templates")
        #expect(try library.render("page", ["name": "N"]) == "<p>N</p>")
        let error = try #require(#expect(throws: TemplateErrors.self) {
            try TemplateLibrary(files: [.init(path: "a.mustache", contents: nil), .init(path: "b.mustache", contents: [0xFF]),
                                        .init(path: "c.mustache", contents: Array("{{>a}}".utf8))], displayPath: "Templates")
        })
        #expect(error.description == """
            Templates/a.mustache: error: cannot read template file
            Templates/b.mustache: error: template file is not valid UTF-8
            """)
    }

    @Test func missingDirectory() throws {
        let folder = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        let error = try #require(#expect(throws: TemplateErrors.self) { try TemplateLibrary(directory: folder, displayPath: "Templates") })
        #expect(error.description == "Templates: error: cannot read template directory")
    }

    @Test func inMemoryLibrary() throws {
        let library = try TemplateLibrary(templates: ["b": "{{>a}}!", "a": "A"])
        #expect(library.names == ["a", "b"])
        #expect(try library.render("b", [:]) == "A!")
        var buffer: [UInt8] = []
        try library.render("b", [:], into: &buffer)
        #expect(buffer == Array("A!".utf8))
    }
}
