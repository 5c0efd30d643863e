/// A sorted set of article ids in the index's binary form, whichever of two encodings is smaller:
/// the gaps between ids as varints (rare terms), or a bitmap (terms in many articles: 100,000
/// articles fit in 12.5 kB).
///
/// `varint n`, then when `n > 0` a kind byte: `0` and `n` varints (the first id, then each gap), or `1`,
/// `varint start` (a multiple of 8), `varint length` and `length` bytes whose bit `j` of byte `k`
/// is id `start + 8k + j`. Varints are unsigned LEB128.
enum PostingSet {
    static func encode(_ ids: [UInt32], into out: inout [UInt8]) {
        appendVarint(UInt64(ids.count), to: &out)
        guard let first = ids.first, let last = ids.last else { return }
        let start = first & ~7
        let bitmapLength = Int((last - start) / 8 + 1)
        var gaps: [UInt8] = []
        gaps.reserveCapacity(ids.count * 2)
        var previous: UInt32 = 0
        for id in ids {
            appendVarint(UInt64(id - previous), to: &gaps)
            previous = id
        }
        if gaps.count <= bitmapLength + 6 {
            out.append(0)
            out.append(contentsOf: gaps)
            return
        }
        out.append(1)
        appendVarint(UInt64(start), to: &out)
        appendVarint(UInt64(bitmapLength), to: &out)
        let base = out.count
        out.append(contentsOf: repeatElement(0, count: bitmapLength))
        for id in ids {
            let offset = Int(id - start)
            out[base + offset >> 3] |= 1 << UInt8(offset & 7)
        }
    }

    /// Reads one set written by `encode`, from `offset`; nil when the bytes are not a valid set.
    static func decode(_ bytes: [UInt8], at offset: inout Int) -> [UInt32]? {
        guard let count = readVarint(bytes, &offset) else { return nil }
        guard count > 0 else { return [] }
        guard offset < bytes.count else { return nil }
        let kind = bytes[offset]
        offset += 1
        var ids: [UInt32] = []
        if kind == 0 {
            var previous: UInt64 = 0
            for _ in 0..<count {
                guard let gap = readVarint(bytes, &offset) else { return nil }
                previous += gap
                ids.append(UInt32(truncatingIfNeeded: previous))
            }
            return ids
        }
        guard kind == 1, let start = readVarint(bytes, &offset), let length = readVarint(bytes, &offset),
              offset + Int(length) <= bytes.count else { return nil }
        for k in 0..<Int(length) where bytes[offset + k] != 0 {
            for j in 0..<8 where bytes[offset + k] & (1 << j) != 0 { ids.append(UInt32(start) + UInt32(8 * k + j)) }
        }
        offset += Int(length)
        return ids.count == count ? ids : nil
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// An unsigned LEB128 varint at `offset`, which it moves past; nil when malformed or cut short.
    @inline(__always)
    static func readVarint<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ offset: inout Int) -> UInt64?
        where Bytes.Index == Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
