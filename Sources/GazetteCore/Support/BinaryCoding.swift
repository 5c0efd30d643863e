/// Writes values as compact bytes for the build cache: little-endian integers, length-prefixed texts.
struct BinaryWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64(value)))
    }

    mutating func write(_ value: Double) {
        write(value.bitPattern)
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ value: String) {
        write(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Raw bytes, length first.
    mutating func write(bytes value: [UInt8]) {
        write(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency makes the whole read fail (the cache is then ignored).
struct BinaryReader {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private var offset = 0
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    var atEnd: Bool { offset == end }

    mutating func uint64() throws(Corrupt) -> UInt64 {
        guard offset + 8 <= end else { throw Corrupt() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int8() throws(Corrupt) -> UInt8 {
        guard offset < end else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func int() throws(Corrupt) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    /// A count of things still to read: never more than the bytes left, so a corrupt file cannot ask for terabytes.
    mutating func count() throws(Corrupt) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw Corrupt() }
        return value
    }

    mutating func double() throws(Corrupt) -> Double {
        Double(bitPattern: try uint64())
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard offset < end else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws(Corrupt) -> String {
        let length = try count()
        let text = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        offset += length
        return text
    }

    mutating func optionalString() throws(Corrupt) -> String? {
        try bool() ? try string() : nil
    }

    /// Raw bytes written by `write(bytes:)`.
    mutating func rawBytes() throws(Corrupt) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }

    mutating func strings() throws(Corrupt) -> [String] {
        let n = try count()
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try string()) }
        return values
    }
}
