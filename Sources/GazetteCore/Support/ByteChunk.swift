/// Eight bytes of text as one integer, for scanners that test them at once: a run of bytes with none
/// of interest costs one test instead of eight. Byte k of the text is byte k of the integer (from the
/// low end), so the lowest flagged byte is the first in the text.
enum ByteChunk {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
    }

    /// The first `count` bytes (fewer than eight), the rest zeros: the end of a text, which a load of
    /// eight would read past.
    @inline(__always)
    static func load(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var chunk: UInt64 = 0
        for k in 0..<count { chunk |= UInt64(bytes[k]) &<< UInt64(k &* 8) }
        return chunk
    }

    /// The top bit of each byte below `limit` (at most 0x80); above the lowest such byte, others may be
    /// flagged too (a borrow), so only the lowest counts.
    @inline(__always)
    static func below(_ limit: UInt8, in chunk: UInt64) -> UInt64 {
        assert(limit <= 0x80, "a limit above 0x80 flags bytes the mask then drops")
        return (chunk &- UInt64(limit) &* ones) & ~chunk & high
    }

    /// The first position at or after `start` whose byte `isStop` (or `bytes.count`), eight bytes at a time:
    /// `flags` marks in each chunk at least every byte that may stop (its lowest flag exact), and the
    /// byte it flags first is then checked alone.
    @inline(__always)
    static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, flags: (UInt64) -> UInt64,
                           where isStop: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        while i + 8 <= bytes.count {
            let flagged = flags(load(base + i))
            if flagged == 0 {
                i += 8
                continue
            }
            i += flagged.trailingZeroBitCount >> 3
            if isStop(base[i]) { return i }
            i += 1
        }
        while i < bytes.count, !isStop(base[i]) { i += 1 }
        return i
    }

    /// The top bit of each byte equal to `byte`, with the same caveat.
    @inline(__always)
    static func equal(to byte: UInt8, in chunk: UInt64) -> UInt64 {
        below(1, in: chunk ^ UInt64(byte) &* ones)
    }
}
