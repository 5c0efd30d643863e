import Foundation
import Testing
@testable import GazetteCore

/// Builds killed or interrupted part way, in a real `gazette` process: every output path holds the old
/// file or the new one, whole, and no temporary file outlives the next build (or Ctrl-C).
@Suite(.serialized) struct InterruptedBuildTests {
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/gazette")

    func makeSite(version: Int) throws -> TestSite {
        var files = ["site.yml": "title: T\nbase_url: https://example.org/\n"]
        for n in 0..<400 {
            files["Content/2025/story-\(n).md"] = article(title: "Story \(n)", date: "2025-0\(1 + n % 9)-1\(n % 10)T10:\(10 + n % 50):00Z",
                                                          "topics: [T\(n % 7)]", body: String(repeating: "Version \(version) of story \(n). ", count: 200))
        }
        return try TestSite(files)
    }

    func start(_ site: TestSite) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["build", "--site", site.root.path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func run(_ site: TestSite) throws -> Int32 {
        let process = try start(site)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every output file of `site` is byte for byte the old or the new build's.
    func expectOldOrNew(_ site: TestSite, old: [String: Data], new: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) {
        for (path, bytes) in site.snapshot() where !path.hasSuffix(DiskSink.temporarySuffix) {
            #expect(bytes == old[path] || bytes == new[path], "\(path) is neither the old file nor the new one", sourceLocation: sourceLocation)
        }
    }

    func temporaryFiles(_ site: TestSite) -> [String] {
        site.outputFiles().filter { $0.hasSuffix(DiskSink.temporarySuffix) }
    }

    @Test(arguments: [SIGKILL, SIGINT])
    func interruptedAtAnyMoment(_ signal: Int32) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the gazette product first")
        let site = try makeSite(version: 1)
        let older = try makeSite(version: 1), newer = try makeSite(version: 2)
        defer { site.delete(); older.delete(); newer.delete() }
        #expect(try run(older) == 0)
        #expect(try run(newer) == 0)
        let old = older.snapshot(), new = newer.snapshot()
        for delay in [0.05, 0.15, 0.3, 0.6] {
            try useContent(of: older, in: site)
            #expect(try run(site) == 0)
            #expect(site.snapshot() == old)
            try useContent(of: newer, in: site)
            let process = try start(site)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            expectOldOrNew(site, old: old, new: new)
            if signal == SIGINT {
                // Stopped by Ctrl-C (130), or done before it (0): never a failure made by stopping. A
                // Ctrl-C before the build set up its handler (a slow start) ends the process by the
                // signal itself, as any program, before it touched anything.
                let stoppedEarly = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT
                #expect(stoppedEarly || process.terminationReason == .exit && [0, 130].contains(process.terminationStatus),
                        "Ctrl-C after \(delay) s ended with \(process.terminationStatus)")
                #expect(temporaryFiles(site).isEmpty, "Ctrl-C left temporary files")
            }
            // The next build finishes the job and leaves nothing behind.
            #expect(try run(site) == 0)
            #expect(temporaryFiles(site).isEmpty, "the next build did not remove the leftovers")
            #expect(site.snapshot() == new)
        }
    }

    func useContent(of source: TestSite, in site: TestSite) throws {
        try site.remove("Content")
        try FileManager.default.copyItem(at: source.root.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Content"))
    }
}
