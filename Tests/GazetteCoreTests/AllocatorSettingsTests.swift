import Foundation
import Testing

/// The `gazette` executable starts jemalloc with its own settings (Sources/CJemallocSettings): huge pages
/// for the heap, unless MALLOC_CONF says otherwise. They print nothing, pinned to one core or not.
struct AllocatorSettingsTests {
    func settings(environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = InterruptedBuildTests.executable
        process.arguments = ["--version"]
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func theExecutableCarriesItsAllocatorSettings() throws {
        try #require(FileManager.default.isExecutableFile(atPath: InterruptedBuildTests.executable.path), "build the gazette product first")
        let stats = try settings(environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(stats.contains("opt.thp: \"always\""))
        let overridden = try settings(environment: ["MALLOC_CONF": "stats_print:true,thp:never"])
        #expect(overridden.contains("opt.thp: \"never\""))
        #expect(try settings(environment: [:]).isEmpty)
    }
}
