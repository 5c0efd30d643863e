/// A 64-bit hash that is the same in every run (Swift's `Hasher` is seeded per process), for the build
/// cache: content hashes of files and fingerprints of what each page shows.
///
/// FNV-1a over 8-byte words (in four lanes from 32 bytes on): fast, and plenty to tell changed inputs apart.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    /// Where the lanes start: apart, so that the same words in two lanes do not cancel out.
    private static let laneStarts: (UInt64, UInt64, UInt64, UInt64) =
        (0xCBF2_9CE4_8422_2325, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9)

    public init() {}

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var h = value
        var i = 0
        if bytes.count >= 32 {
            // Four words at a time in four lanes: each multiply waits for the one before it in its lane
            // only, so a page or an article is hashed about three times faster than one word after another.
            // The lanes start from constants, and their digest goes into the value like one more word: every
            // step is then one-to-one in the value before it. (Lanes started from the value, folded back
            // into it, were many-to-one: thirty-odd long strings in a row forgot everything before them.)
            var lanes = Self.laneStarts
            while i + 32 <= bytes.count {
                lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* Self.prime
                lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* Self.prime
                lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* Self.prime
                lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* Self.prime
                i += 32
            }
            let digest = (((lanes.0 ^ lanes.1) &* Self.prime ^ lanes.2) &* Self.prime ^ lanes.3) &* Self.prime
            h = (h ^ digest) &* Self.prime
        }
        value = Self.words(of: bytes, from: i, after: h)
    }

    /// `bytes[start...]` one word after another, then the bytes left and the length.
    private static func words(of bytes: UnsafeRawBufferPointer, from start: Int, after value: UInt64) -> UInt64 {
        var h = value
        var i = start
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* prime
            i += 1
        }
        // The length keeps "ab" + "c" apart from "a" + "bc".
        return (h ^ UInt64(bytes.count)) &* prime
    }

    /// `text` hashed one word after another, as every hash was before the lanes: for names on disk
    /// (the cache of another output folder), which a new version must find where the last one left them.
    public static func ofName(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { words(of: UnsafeRawBufferPointer($0), from: 0, after: StableHash().value) }
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ number: UInt64) {
        value = (value ^ number) &* Self.prime
        value = (value ^ (value >> 29)) &* Self.prime
    }

    public mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    /// `value` as 16 hexadecimal digits, the way hashes are shown (ETags, the search index's build).
    public static func hex(_ value: UInt64) -> String {
        String(value, radix: 16).leftPadded(to: 16)
    }

    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.value
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(text)
        return hash.value
    }

    /// A file's size and modification time: what says it is the file seen before.
    mutating func combine(_ stamp: FileStamp) {
        combine(stamp.size)
        combine(stamp.modified)
    }
}
