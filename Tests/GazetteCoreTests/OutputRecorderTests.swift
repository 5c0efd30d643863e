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

    /// The commit skips looking for stale files when this build recorded every path of the last one: a
    /// path kept twice, or kept and then found current again, must count once, or a stale file stays.
    @Test func aFileNotWrittenAgainIsRemovedHoweverOftenOthersWereKept() throws {
        let sink = MemorySink()
        let first = OutputRecorder(sink: sink, previous: [:])
        for path in ["a.html", "b.html", "c.html"] { try first.write(Array(path.utf8), to: path, fingerprint: 1) }
        let manifest = try first.commit().manifest

        let second = OutputRecorder(sink: sink, previous: manifest)
        second.keep("a.html")
        second.keep("a.html")
        #expect(second.keepIfCurrent([("a.html", 1), ("b.html", 1)]) == [true, true])
        let (next, removed) = try second.commit()
        #expect(Set(next.keys) == ["a.html", "b.html"])
        #expect(removed == 1 && sink.contents(of: "c.html") == nil)

        // Every path recorded: nothing is stale.
        let third = OutputRecorder(sink: sink, previous: next)
        third.keep("a.html")
        try third.write(Array("b.html".utf8), to: "b.html", fingerprint: 1)
        let (last, none) = try third.commit()
        #expect(Set(last.keys) == ["a.html", "b.html"] && none == 0)
        #expect(sink.contents(of: "a.html") == Array("a.html".utf8) && sink.contents(of: "b.html") == Array("b.html".utf8))
    }

    /// A manifest from a Gazette that hashed files another way: the hashes differ, the files do not. Files
    /// whose bytes are the same are kept (their times too), the others written.
    @Test func aManifestWithOtherHashesRewritesNothingTheSame() throws {
        let sink = MemorySink()
        let first = OutputRecorder(sink: sink, previous: [:])
        try first.write(Array("same".utf8), to: "a.html")
        try first.write(Array("old!".utf8), to: "b.html")
        var manifest = try first.commit().manifest
        for path in manifest.keys { manifest[path]?.hash ^= 0xFFFF }

        let second = OutputRecorder(sink: sink, previous: manifest)
        try second.write(Array("same".utf8), to: "a.html")
        try second.write(Array("new!".utf8), to: "b.html")
        #expect(second.writtenCount == 1)
        let next = try second.commit().manifest
        #expect(next["a.html"]?.hash == StableHash.of(Array("same".utf8)))
        #expect(sink.contents(of: "b.html") == Array("new!".utf8))
    }
}
