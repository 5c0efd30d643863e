import Foundation
import GazetteCore
import Testing
@testable import GazetteServer

/// Pages, content types, folders, redirects, 404, HEAD and 304, over real HTTP to a real server.
@Suite struct HTTPTests {
    static let assets: [String: [UInt8]] = [
        "Templates/assets/app.js": Array("console.log('hi');\n".utf8),
        "Templates/assets/data.json": Array("{\"a\": 1}\n".utf8),
        "Templates/assets/logo.svg": Array("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n".utf8),
        "Templates/assets/pixel.png": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
        "Templates/assets/photo.jpg": [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10],
        "Templates/assets/photo.webp": Array("RIFF\0\0\0\0WEBP".utf8),
        "Templates/assets/font.woff2": [0x77, 0x4F, 0x46, 0x32, 0, 1, 0, 0],
        "Templates/assets/page.html": Array("<p>no body tag</p>".utf8),
    ]

    @Test func servesPagesWithTheirContentTypes() async throws {
        let server = try await PreviewFixture.start(binary: Self.assets)
        let expected: [(String, String)] = [
            ("/", "text/html; charset=utf-8"),
            ("/2025/11/19/first/", "text/html; charset=utf-8"),
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/assets/app.js", "text/javascript; charset=utf-8"),
            ("/assets/data.json", "application/json; charset=utf-8"),
            ("/assets/logo.svg", "image/svg+xml; charset=utf-8"),
            ("/assets/pixel.png", "image/png"),
            ("/assets/photo.jpg", "image/jpeg"),
            ("/assets/photo.webp", "image/webp"),
            ("/assets/font.woff2", "font/woff2"),
            ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/feed.xml", "application/rss+xml; charset=utf-8"),
            ("/atom.xml", "application/atom+xml; charset=utf-8"),
            ("/topics/pakistan/feed.xml", "application/rss+xml; charset=utf-8"),
            ("/topics/pakistan/atom.xml", "application/atom+xml; charset=utf-8"),
            ("/feed.json", "application/feed+json; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
        ]
        for (path, type) in expected {
            let response = try await server.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response["Content-Type"] == type, "\(path)")
            #expect(response["Content-Length"] == String(response.body.count), "\(path)")
        }
        // Files other than HTML go out byte for byte.
        for (path, bytes) in Self.assets where !path.hasSuffix(".html") {
            let response = try await server.get("/" + path.dropFirst("Templates/".count))
            #expect(Array(response.body) == bytes, "\(path)")
        }
        await server.stop()
    }

    @Test func pagesShowTheArticlesWithTheServersOwnAddress() async throws {
        let server = try await PreviewFixture.start()
        let page = try await server.get("/2025/11/19/first/")
        #expect(page.text.contains("<h1 dir=\"auto\">First story</h1>"))
        #expect(page.text.contains("<link rel=\"canonical\" href=\"\(server.url.absoluteString)2025/11/19/first/\">"))
        #expect(!page.text.contains("news.example.org"))
        await server.stop()
    }

    @Test func aFolderServesItsIndexAndAFolderWithoutSlashRedirects() async throws {
        let server = try await PreviewFixture.start()
        let folder = try await server.get("/topics/")
        let index = try await server.get("/topics/index.html")
        #expect(folder.status == 200)
        #expect(folder.body == index.body)
        #expect(folder.text.contains("Pakistan"))

        let redirect = try await server.get("/topics")
        #expect(redirect.status == 301)
        #expect(redirect["Location"] == "/topics/")
        let withQuery = try await server.get("/topics/pakistan?page=2")
        #expect(withQuery.status == 301)
        #expect(withQuery["Location"] == "/topics/pakistan/?page=2")
        await server.stop()
    }

    @Test func unknownPathsGetThe404PageWithStatus404() async throws {
        let server = try await PreviewFixture.start()
        for path in ["/nope", "/nope/", "/2025/11/19/first/missing.html", "/assets/style.css/", "/assets/"] {
            let response = try await server.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(response["Content-Type"] == "text/html; charset=utf-8")
            #expect(response.text.contains("Page not found"), "\(path)")
            #expect(response.text.contains("gazette-live-reload"))
        }
        await server.stop()
    }

    @Test func headSendsTheHeadersOfGetWithoutABody() async throws {
        let server = try await PreviewFixture.start()
        let get = try await server.get("/2025/11/19/first/")
        let head = try await server.request("/2025/11/19/first/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head["Content-Length"] == String(get.body.count))
        #expect(head["Content-Type"] == get["Content-Type"])
        #expect(head["ETag"] == get["ETag"])
        let missing = try await server.request("/nope/", method: "HEAD")
        #expect(missing.status == 404)
        #expect(missing.body.isEmpty)
        await server.stop()
    }

    @Test func etagAndIfNoneMatchGive304() async throws {
        let server = try await PreviewFixture.start()
        for path in ["/", "/assets/style.css", "/feed.xml"] {
            let first = try await server.get(path)
            let tag = try #require(first["ETag"])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
            let again = try await server.get(path, headers: ["If-None-Match": tag])
            #expect(again.status == 304, "\(path)")
            #expect(again.body.isEmpty)
            #expect(again["ETag"] == tag)
            let listed = try await server.get(path, headers: ["If-None-Match": "\"other\", W/\(tag)"])
            #expect(listed.status == 304)
            let other = try await server.get(path, headers: ["If-None-Match": "\"0000000000000000\""])
            #expect(other.status == 200)
            #expect(other.body == first.body)
        }
        await server.stop()
    }

    @Test func onlyGetAndHeadAreServed() async throws {
        let server = try await PreviewFixture.start()
        let post = try await server.request("/", method: "POST")
        #expect(post.status == 405)
        #expect(post["Allow"] == "GET, HEAD")
        await server.stop()
    }

    @Test func theReloadScriptGoesIntoServedHTMLOnlyNeverIntoBuiltFiles() async throws {
        let server = try await PreviewFixture.start(binary: Self.assets)
        let home = try await server.get("/")
        #expect(home.text.contains("<script id=\"gazette-live-reload\">"))
        #expect(home.text.contains("new EventSource(\"/_gazette/events\")"))
        let script = try #require(home.text.range(of: "<script id=\"gazette-live-reload\">"))
        let bodyEnd = try #require(home.text.range(of: "</body>", options: .backwards))
        #expect(script.lowerBound < bodyEnd.lowerBound)
        // HTML without </body> gets it at the end; other types never.
        let fragment = try await server.get("/assets/page.html")
        #expect(fragment.text.hasPrefix("<p>no body tag</p><script id=\"gazette-live-reload\">"))
        for path in ["/assets/style.css", "/feed.xml", "/assets/app.js", "/sitemap.xml"] {
            #expect(try await !server.get(path).text.contains("gazette-live-reload"))
        }
        // `gazette build` of the same site writes no script anywhere.
        let output = server.root.appendingPathComponent("Output")
        _ = try Builder(options: BuildOptions(site: server.root)).build(into: DiskSink(root: output))
        let files = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        #expect(files.contains("index.html"))
        for file in files {
            let text = (try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)) ?? ""
            #expect(!text.contains("_gazette"), "\(file)")
        }
        await server.stop()
    }
}
