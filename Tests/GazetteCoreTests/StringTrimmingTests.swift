import Foundation
import Testing
@testable import GazetteCore

@Suite struct StringTrimmingTests {
    /// Front matter values are trimmed with a shortcut for ASCII ends; it must agree with Foundation's
    /// trimming for every short text of blanks, newlines, Unicode spaces and letters, as `String` and
    /// as `Substring`.
    @Test func trimmingAgreesWithFoundation() {
        let alphabet = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2028}", "\u{85}", "\u{3000}", "a", "é", ","]
        var texts = [""]
        for _ in 0..<4 { texts += texts.flatMap { text in alphabet.map { text + $0 } } }
        for text in Set(texts) {
            #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmingBlanks(andNewlines: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let slice = ("x" + text + "x").dropFirst().dropLast()
            #expect(slice.trimmingBlanks() == slice.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }
}
