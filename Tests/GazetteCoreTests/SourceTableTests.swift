import Foundation
import Testing
@testable import GazetteCore

/// The content files' records by path, in an array: what a dictionary does, after any mix of
/// insertions, replacements and removals (a removal moves the last record into its place).
struct SourceTableTests {
    @Test func actsAsADictionaryOfPaths() throws {
        let site = try TestSite(["Content/a.md": article(title: "A")])
        defer { site.delete() }
        try site.build()
        let record = try #require(BuildState.load(from: site.options.cacheFile).sources.records.first)
        func numbered(_ n: Int) -> SourceRecord {
            var copy = record
            copy.stamp = FileStamp(size: n, modified: n)
            return copy
        }
        var table = SourceTable()
        var expected: [String: Int] = [:]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for step in 0..<3_000 {
            let path = "/site/Content/\(next(200)).md"
            switch next(4) {
            case 0, 1:
                #expect(table.set(numbered(step), for: path) == (expected[path] != nil))
                expected[path] = step
            case 2:
                #expect(table.removeValue(forKey: path)?.stamp.size == expected.removeValue(forKey: path))
            default:
                table[path] = nil
                expected[path] = nil
            }
        }
        #expect(table.count == expected.count && !table.isEmpty)
        for (path, n) in expected {
            let position = try #require(table.position(of: path))
            #expect(table.paths[position] == path && table.records[position].stamp.size == n && table[path]?.stamp.size == n)
        }
        #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.0, $0.1.stamp.size) }) == expected)
        #expect(table.mapValues(\.stamp.size) == expected)
        table.modify(at: 0) { $0.stamp.size = -1 }
        #expect(table[table.paths[0]]?.stamp.size == -1)
        #expect(table["/elsewhere.md"] == nil && table.position(of: "/elsewhere.md") == nil)
    }
}
