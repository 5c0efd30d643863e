import Testing
@testable import GazetteCore

@Suite struct ByteChunkTests {
    /// Chunks with several bytes of interest, where a borrow can flag bytes above the first wrongly: the
    /// lowest flag is still the first byte that qualifies, in every test the scanners use.
    @Test func theLowestFlagIsTheFirstByteThatQualifies() {
        let special: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x5D, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xEF, 0xFF]
        var generator = SplitMix(seed: 8)
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? special.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            let chunk = bytes.withUnsafeBufferPointer { ByteChunk.load($0.baseAddress!) }
            func check(_ flags: UInt64, _ qualifies: (UInt8) -> Bool, _ what: String) {
                let lowest = flags == 0 ? nil : flags.trailingZeroBitCount >> 3
                #expect(lowest == bytes.firstIndex(where: qualifies), "\(what) in \(bytes)")
            }
            let limit = UInt8.random(in: 1...0x80, using: &generator)
            check(ByteChunk.below(limit, in: chunk), { $0 < limit }, "below \(limit)")
            let target = special.randomElement(using: &generator)!
            check(ByteChunk.equal(to: target, in: chunk), { $0 == target }, "equal to \(target)")
            check(XMLText.characterDataFlags(chunk), { $0 < 0x20 || $0 == 0x7F || $0 == 0xEF || $0 == UInt8(ascii: "]") }, "CDATA")
        }
    }

    @Test func aShortLoadIsTheBytesThenZeros() {
        let bytes: [UInt8] = [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]
        bytes.withUnsafeBufferPointer { buffer in
            let whole = ByteChunk.load(buffer.baseAddress!)
            #expect(whole & 0xFF == 0x61)  // the first byte of the text is the lowest
            for count in 0..<8 {
                let mask: UInt64 = count == 0 ? 0 : ~0 >> UInt64(64 - count * 8)
                #expect(ByteChunk.load(buffer.baseAddress!, count: count) == whole & mask)
            }
        }
    }
}
