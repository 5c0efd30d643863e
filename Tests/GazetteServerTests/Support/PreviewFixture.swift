import Foundation
import GazetteCore
import ServiceLifecycle
import Synchronization
@testable import GazetteServer

/// A site in a temporary folder, served by a real `PreviewServer` on a free loopback port.
final class PreviewFixture: Sendable {
    let root: URL
    let url: URL
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    /// Its own URLSession, so that no connection outlives this server.
    let http: HTTPClient
    private let log: MessageLog

    /// The repository's `Templates/`, found from this file's path.
    static let themeFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    static let siteYAML = """
    title: Preview Ledger
    description: A test archive
    base_url: https://news.example.org/
    time_zone: UTC
    page_size: 2
    """

    static let standardFiles: [String: String] = [
        "site.yml": siteYAML,
        "Content/2025/first.md": article(title: "First story", date: "2025-11-19T10:00:00Z", "topics: [Pakistan, Security]", body: "The first body."),
        "Content/2025/second.md": article(title: "Second story", date: "2025-12-05T09:00:00Z", "topics: [Pakistan]", body: "The second body."),
        "Content/2024/third.md": article(title: "Third story", date: "2024-03-01T08:00:00Z", "topics: [Economy]", body: "The third body."),
    ]

    /// Writes the site (the default theme plus `files`), starts the server and waits until it serves.
    static func start(_ files: [String: String] = standardFiles, binary: [String: [UInt8]] = [:],
                      configure: (inout PreviewServer.Configuration) -> Void = { _ in }) async throws -> PreviewFixture {
        try await start(root: makeSite(files, binary: binary), configure: configure)
    }

    /// Serves a site already written to `root`.
    static func start(root: URL, configure: (inout PreviewServer.Configuration) -> Void = { _ in }) async throws -> PreviewFixture {
        var configuration = PreviewServer.Configuration(options: BuildOptions(site: root))
        configuration.port = 0
        configuration.paths = DisplayPaths(workingDirectory: root.path)
        configure(&configuration)
        return try await start(root: root, configuration: configuration)
    }

    static func start(root: URL, configuration: PreviewServer.Configuration) async throws -> PreviewFixture {
        let log = MessageLog()
        let (ready, readyContinuation) = AsyncStream<URL>.makeStream()
        let server = PreviewServer(configuration, onReady: { readyContinuation.yield($0) }, log: { log.append($0) })
        let group = ServiceGroup(configuration: .init(services: [server], logger: PreviewServer.logger))
        let failure = Mutex<(any Error)?>(nil)
        let task = Task {
            defer { readyContinuation.finish() }
            do {
                try await group.run()
            } catch {
                failure.withLock { $0 = error }
                throw error
            }
        }
        guard let url = await ready.first(where: { _ in true }) else {
            throw failure.withLock { $0 } ?? FixtureError("the server stopped before it was ready")
        }
        return PreviewFixture(root: root, url: url, group: group, task: task, log: log)
    }

    private init(root: URL, url: URL, group: ServiceGroup, task: Task<Void, any Error>, log: MessageLog) {
        self.root = root
        self.url = url
        self.port = url.port ?? 0
        self.group = group
        self.task = task
        self.log = log
        http = HTTPClient()
    }

    static func makeSite(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: themeFolder, to: root.appendingPathComponent("Templates"))
        for (path, text) in files { try write(Data(text.utf8), to: root.appendingPathComponent(path)) }
        for (path, bytes) in binary { try write(Data(bytes), to: root.appendingPathComponent(path)) }
        return root
    }

    private static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Stops the server gracefully, as Ctrl-C does, and removes the site.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        http.close()
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes a file of the site in place.
    func write(_ text: String, to path: String) throws {
        try Self.write(Data(text.utf8), to: root.appendingPathComponent(path))
    }

    /// Saves the way many editors do: a temporary file beside the target, renamed over it.
    func saveByRename(_ text: String, to path: String) throws {
        let target = root.appendingPathComponent(path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tmp-\(UUID().uuidString.prefix(6))")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else { throw FixtureError("rename failed") }
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func url(_ path: String) -> URL {
        URL(string: path, relativeTo: url)!.absoluteURL
    }

    var messages: [PreviewMessage] { log.all }

    /// The first message the server reported that contains `text`, waiting up to `timeout` for it.
    func message(containing text: String, timeout: Duration = .seconds(15)) async -> PreviewMessage? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = messages.first(where: { $0.text.contains(text) }) { return found }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPResult {
        try await http.request(url(path), headers: headers)
    }

    func request(_ path: String, method: String) async throws -> HTTPResult {
        try await http.request(url(path), method: method)
    }

    /// A connection to the live-reload stream, open when this returns (the `hello` event read).
    func events() async throws -> EventStreamClient {
        try await EventStreamClient.connect(port: port)
    }
}

/// What the server reported, in order.
final class MessageLog: Sendable {
    private let messages = Mutex<[PreviewMessage]>([])
    func append(_ message: PreviewMessage) { messages.withLock { $0.append(message) } }
    var all: [PreviewMessage] { messages.withLock { $0 } }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An article file's text.
func article(title: String, date: String, _ fields: String = "", body: String = "Body text.") -> String {
    "---\ntitle: \"\(title)\"\ndate: \(date)\n\(fields.isEmpty ? "" : fields + "\n")---\n\n\(body)\n"
}
