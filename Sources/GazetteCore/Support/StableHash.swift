/// A 64-bit hash that is the same in every run (Swift's `Hasher` is seeded per process), for the build
/// cache: content hashes of files and fingerprints of what each page shows.
///
/// FNV-1a over 8-byte words: fast, and plenty to tell changed inputs apart.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() {}

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var h = value
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* Self.prime
            i += 8
        }
        while i < count {
            h = (h ^ UInt64(bytes[i])) &* Self.prime
            i += 1
        }
        // The length keeps "ab" + "c" apart from "a" + "bc".
        value = (h ^ UInt64(count)) &* Self.prime
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
