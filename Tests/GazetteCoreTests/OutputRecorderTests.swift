import Testing
@testable import GazetteCore

@Suite struct OutputRecorderTests {
    /// Two outputs of one build for one path are an error, not a silent overwrite: a second write, or
    /// a write to a page kept from the last build; the manifest then has each path once, as written or kept.
    @Test func aPathIsWrittenOrKeptOnce() throws {
        let sink = MemorySink()
        let first = OutputRecorder(sink: sink, previous: [:])
        try first.write(Array("a".utf8), to: "a.html", fingerprint: 1)
        try first.write(Array("b".utf8), to: "b.html", fingerprint: 2)
        let manifest = try first.commit().manifest
        #expect(Set(manifest.keys) == ["a.html", "b.html"])

        let second = OutputRecorder(sink: sink, previous: manifest)
        #expect(second.keepIfCurrent([("a.html", 1), ("b.html", 3)]) == [true, false])
        for path in ["a.html", "c.html"] {
            if path == "c.html" { try second.write(Array("c".utf8), to: path) }
            do {
                try second.write(Array("again".utf8), to: path)
                Issue.record("\(path) written twice")
            } catch {
                #expect(error.message == "two outputs of this build would be written to one file")
            }
        }
        try second.write(Array("b2".utf8), to: "b.html", fingerprint: 3)
        let next = try second.commit().manifest
        #expect(Set(next.keys) == ["a.html", "b.html", "c.html"])
        #expect(next["a.html"] == manifest["a.html"])
        #expect(next.values.allSatisfy { $0.stamp.size >= 0 })  // no path left claimed but unwritten
        #expect(sink.contents(of: "a.html") == Array("a".utf8) && sink.contents(of: "c.html") == Array("c".utf8))
    }
}
