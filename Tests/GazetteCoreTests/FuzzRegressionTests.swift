import Foundation
import Testing
@testable import GazetteCore

/// Inputs on which the fuzz targets in `Fuzz/` found bugs (see docs/reliability.md).
@Suite struct FuzzRegressionTests {
    /// Front matter closed by a `---` that ends the file, without a newline: the (empty) body is
    /// on the closing line, whose number is one more than the newlines before `bodyOffset`.
    @Test func closingFenceThatEndsTheFile() throws {
        let bytes: [UInt8] = [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x40, 0x0A, 0x63, 0x2D, 0x0A, 0x00, 0x0A, 0x2D, 0x2D, 0x2D]
        let front = try bytes.withUnsafeBufferPointer { FrontMatter.split($0) }.get()
        #expect(front.yaml == "\0@\nc-\n\0\n")
        #expect(front.bodyOffset == 15)
        #expect(front.bodyLine == 5)
        let withNewline = try (bytes + [0x0A]).withUnsafeBufferPointer { FrontMatter.split($0) }.get()
        #expect(withNewline.bodyOffset == 16)
        #expect(withNewline.bodyLine == 6)
    }

    /// `E@@`, an invalid byte (read as U+FFFD) and the combining mark U+033B: the mark was kept
    /// after the hyphen that replaced `@@` and U+FFFD, and a second pass dropped it with the hyphen.
    @Test func markAfterASeparator() {
        let input = String(decoding: [0x45, 0x40, 0x40, 0xBC, 0xCC, 0xBB] as [UInt8], as: UTF8.self)
        let slug = Slug.make(input)
        #expect(Array(slug.utf8) == Array("e".utf8))
        #expect(Array(Slug.make(slug).utf8) == Array(slug.utf8))
    }

    /// Two inputs of the same kind, found while fixing it: a zero-width joiner between a Latin
    /// letter and its accent, and between two Hangul jamo that compose once it is gone.
    @Test(arguments: ["e\u{200D}\u{301}x", "\u{1100}\u{200D}\u{1161}"])
    func formatCharacterBetweenComposingCharacters(_ input: String) {
        let slug = Slug.make(input)
        #expect(Array(Slug.make(slug).utf8) == Array(slug.utf8))
    }
}
