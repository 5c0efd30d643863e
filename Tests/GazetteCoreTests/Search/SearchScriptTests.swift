import Foundation
import Testing
@testable import GazetteCore

/// Runs the browser's search scripts under Node against a built fixture archive: `Tests/search/search.test.mjs`.
@Suite struct SearchScriptTests {
    static let testFile = StemmerTests.fixtures.deletingLastPathComponent().appendingPathComponent("search.test.mjs")

    /// `node` from `PATH`, or nil.
    static func node() -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return folders.map { URL(fileURLWithPath: $0).appendingPathComponent("node") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func searchScriptsRankTheFixtureArchive() throws {
        guard let node = Self.node() else {
            Issue.record("node is not installed: the search scripts' tests need Node.js 20 or later (apt-get install nodejs)")
            return
        }
        let site = try SearchFixture.site()
        defer { site.delete() }
        try site.build()

        let process = Process()
        process.executableURL = node
        process.arguments = ["--test", "--test-reporter=tap", Self.testFile.path]
        var environment = ProcessInfo.processInfo.environment
        environment["GAZETTE_SEARCH_OUTPUT"] = site.root.appendingPathComponent("Output").path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "node --test failed:\n\(output)")
        let passed = output.split(separator: "\n").first { $0.hasPrefix("# pass ") }.flatMap { Int($0.dropFirst(7)) } ?? 0
        #expect(passed >= 10, "expected the Node tests to run:\n\(output)")
        #expect(output.contains("# fail 0"), "\(output)")
    }
}
