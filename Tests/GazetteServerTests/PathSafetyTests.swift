import Foundation
import Testing
@testable import GazetteServer

/// Nothing outside the build is ever served: every trick gets 400 or 404 and none of another file's bytes.
@Suite struct PathSafetyTests {
    static let secret = "TOP-SECRET-\(UUID().uuidString)"

    static let attempts = [
        "/../secret.txt", "/../../../../../../etc/passwd", "/assets/../../secret.txt",
        "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/assets/..%2f..%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt", "/assets%2Fstyle.css", "/%2fetc%2fpasswd",
        "/..\\secret.txt", "/assets\\..\\..\\secret.txt", "/%5c..%5csecret.txt", "/assets/%5C..%5C..%5Csecret.txt",
        "/index.html%00.png", "/%00", "/secret.txt%00", "/assets/style.css%00",
        "/%252e%252e/secret.txt", "/./index.html", "//etc/passwd", "/assets//style.css", "/%0d%0aX-Evil:%201",
        "/%ff%fe", "/%zz", "/%2", "/leak.txt", "/assets/leak.txt", "/assets/leak-folder/secret.txt",
        "http://127.0.0.1/../secret.txt", "secret.txt", "*",
    ]

    @Test func traversalAttemptsGet400Or404AndNeverAnotherFilesBytes() async throws {
        let server = try await PreviewFixture.start(PreviewFixture.standardFiles.merging(["secret.txt": Self.secret + "\n"]) { a, _ in a })
        for target in Self.attempts {
            let response = try await RawHTTP.get(target, port: server.port)
            let body = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400 || response.status == 404, "\(target): \(response.status)")
            #expect(!body.contains(Self.secret), "\(target)")
            #expect(!body.contains("root:x:0:0"), "\(target)")
            #expect(!response.head.contains("X-Evil"), "\(target)")
        }
        // HEAD too.
        let head = try await RawHTTP.get("/../secret.txt", port: server.port, method: "HEAD")
        #expect(head.status == 400)
        // The same server still serves its own files.
        #expect(try await RawHTTP.get("/assets/style.css", port: server.port).status == 200)
        await server.stop()
    }

    @Test func symbolicLinksOutOfTheThemeAreNeverServed() async throws {
        let root = try PreviewFixture.makeSite(PreviewFixture.standardFiles.merging(["secret.txt": Self.secret + "\n"]) { a, _ in a })
        let server = try await PreviewFixture.start(root: root)
        let events = try await server.events()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Templates/assets/leak.txt").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Templates/assets/leak-folder").path,
                                                   withDestinationPath: root.path)
        // The build refuses links that lead out of the theme; the last good build stays served.
        #expect(try await events.next(named: "failed") != nil)
        for target in ["/assets/leak.txt", "/assets/leak-folder/secret.txt", "/assets/leak-folder/site.yml"] {
            let response = try await RawHTTP.get(target, port: server.port)
            #expect(response.status == 404, "\(target)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains(Self.secret), "\(target)")
        }
        #expect(try await RawHTTP.get("/assets/style.css", port: server.port).status == 200)
        await server.stop()
    }

    @Test func requestPathsDecodeOnceAndRefuseWhatCouldLeaveTheSite() throws {
        #expect(try RequestPath(target: "/").fileKey == "index.html")
        #expect(try RequestPath(target: "/topics/").fileKey == "topics/index.html")
        #expect(try RequestPath(target: "/topics").fileKey == "topics")
        #expect(try RequestPath(target: "/topics/%D9%BE%D8%A7%DA%A9%D8%B3%D8%AA%D8%A7%D9%86/").fileKey == "topics/پاکستان/index.html")
        #expect(try RequestPath(target: "/a%20b.html?x=1#top").fileKey == "a b.html")
        #expect(try RequestPath(target: "/%252e%252e/").segments == ["%2e%2e"])
        #expect(try RequestPath(target: "/topics/pakistan?page=2").folderTarget == "/topics/pakistan/?page=2")
        #expect(try RequestPath(target: "/topics/پاکستان").folderTarget == "/topics/%D9%BE%D8%A7%DA%A9%D8%B3%D8%AA%D8%A7%D9%86/")

        let refused: [(String, RequestPath.Rejection)] = [
            ("/..", .dotSegment), ("/a/../b", .dotSegment), ("/%2e%2e/x", .dotSegment), ("/.%2E/x", .dotSegment), ("/./x", .dotSegment),
            ("/a%2fb", .encodedSeparator), ("/a%2Fb", .encodedSeparator),
            ("/a\\b", .backslash), ("/a%5cb", .backslash), ("/a%5Cb", .backslash),
            ("/a%00", .controlCharacter), ("/a%0a", .controlCharacter), ("/a%7f", .controlCharacter),
            ("/%zz", .badEscape), ("/%2", .badEscape), ("/%", .badEscape),
            ("/%ff", .notUTF8), ("//x", .emptySegment), ("/a//b", .emptySegment),
            ("x", .notAbsolute), ("", .notAbsolute), ("*", .notAbsolute), ("http://h/x", .notAbsolute),
        ]
        for (target, rejection) in refused {
            #expect(throws: rejection, "\(target)") { try RequestPath(target: target) }
        }
    }
}
