import Foundation
import Testing
@testable import GazetteServer

@Suite struct ServerLifecycleTests {
    @Test func portZeroPicksAFreePortAndReportsTheAddress() async throws {
        let server = try await PreviewFixture.start()
        #expect(server.port > 0)
        #expect(server.url.absoluteString == "http://127.0.0.1:\(server.port)/")
        #expect(server.messages.contains { $0.text == "Serving at http://127.0.0.1:\(server.port)/ (watching with inotify; Ctrl-C stops)" })
        await server.stop()
    }

    @Test func aPortInUseIsAnErrorNamingThePort() async throws {
        let first = try await PreviewFixture.start()
        let root = try PreviewFixture.makeSite(PreviewFixture.standardFiles)
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = PreviewServer.Configuration(options: .init(site: root))
        configuration.port = first.port
        do {
            _ = try await PreviewFixture.start(root: root, configuration: configuration)
            Issue.record("a second server started on port \(first.port)")
        } catch let error as PreviewError {
            guard case .portInUse(_, let port) = error else { throw error }
            #expect(port == first.port)
            #expect(error.description.contains("port \(first.port) is in use"))
            #expect(error.description.contains("--port 0"))
        }
        await first.stop()
    }

    @Test func anAddressThatIsNotThisMachinesIsAClearError() async throws {
        let root = try PreviewFixture.makeSite(PreviewFixture.standardFiles)
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = PreviewServer.Configuration(options: .init(site: root))
        configuration.host = "192.0.2.1"  // TEST-NET-1: documentation only, never a local address
        configuration.port = 0
        do {
            _ = try await PreviewFixture.start(root: root, configuration: configuration)
            Issue.record("a server started on 192.0.2.1")
        } catch let error as PreviewError {
            guard case .cannotListen(let host, _, let reason) = error else { throw error }
            #expect(host == "192.0.2.1")
            #expect(reason.contains("address"), "\(reason)")
        }
    }

    @Test func aSiteThatDoesNotBuildAtFirstIsServedWithTheOverlay() async throws {
        var files = PreviewFixture.standardFiles
        files["Content/2025/first.md"] = "---\ntitle: [broken\n---\n"
        let server = try await PreviewFixture.start(files)
        let page = try await server.get("/")
        #expect(page.status == 404)
        #expect(page.text.contains("<div id=\"gazette-overlay\""))
        #expect(page.text.contains("Content/2025/first.md:"))
        let events = try await server.events()
        try server.write(article(title: "First story", date: "2025-11-19T10:00:00Z"), to: "Content/2025/first.md")
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/").status == 200)
        await server.stop()
    }

    @Test func stoppingEndsOpenEventStreams() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        let stopped = ContinuousClock.now
        await server.stop()
        #expect(try await events.next(timeout: .seconds(10)) == nil)
        #expect(ContinuousClock.now - stopped < .seconds(5))
    }
}
