import Testing
@testable import GazetteCore

@Suite struct StableHashTests {
    /// Each step is one-to-one in the value before it: what came first is never forgotten, however many
    /// long strings follow (with the lanes folded into the value, thirty-odd in a row made any two
    /// values equal).
    @Test func whatCameFirstIsNeverForgotten() {
        for length in [8, 31, 32, 33, 64, 100, 1_000] {
            var a = StableHash(), b = StableHash()
            a.combine("settings one")
            b.combine("settings two")
            for n in 0..<500 {
                let text = String(repeating: "/site/Content/2025/", count: 1 + length / 19).prefix(length) + "\(n)"
                a.combine(String(text))
                b.combine(String(text))
            }
            #expect(a.value != b.value, "\(length)")
        }
    }

    /// The same bytes give the same value however they are handed over, and a value is the same from run to run.
    @Test func theSameBytesGiveTheSameValue() {
        let text = String(repeating: "a page of text, long enough for the lanes. ", count: 20)
        var hash = StableHash()
        hash.combine(text)
        #expect(hash.value == StableHash.of(text))
        #expect(StableHash.of(Array(text.utf8)) == StableHash.of(text))
        #expect(StableHash.of(text) != StableHash.of(text + "."))
        #expect(StableHash.of("ab") != StableHash.of("ba"))
    }
}
