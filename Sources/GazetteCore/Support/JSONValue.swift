import GazetteMustache

/// A JSON document written in a fixed key order, for JSON Feed and JSON-LD.
///
/// The text is safe inside an HTML `<script>` element: `<`, `>` and `&` are written as `\u003c`,
/// `\u003e` and `\u0026`, so no `</script>` or `<!--` can appear, and U+2028 and U+2029 as escapes
/// for old JavaScript parsers. Parsed as JSON, the escapes are the same characters.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// An object from pairs, leaving out those whose value is nil.
    public static func fields(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        // Sized once: `compactMap` grows its array as it goes, a new allocation at each doubling, and
        // every page's structured data is made of these.
        var fields: [(String, JSONValue)] = []
        fields.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            if let value { fields.append((key, value)) }
        }
        return .object(fields)
    }

    /// The document as text; `indent` spaces a level, or all on one line when 0. `scriptSafe: false`
    /// leaves `<`, `>` and `&` as they are, for documents served on their own (JSON Feed).
    public func serialized(indent: Int = 0, scriptSafe: Bool = true) -> String {
        String(decoding: bytes(indent: indent, scriptSafe: scriptSafe), as: UTF8.self)
    }

    /// The document as UTF-8, as `serialized` writes it.
    public func bytes(indent: Int = 0, scriptSafe: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output, indent: indent, level: 0, scriptSafe: scriptSafe)
        return output
    }

    private func write(into output: inout [UInt8], indent: Int, level: Int, scriptSafe: Bool) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .string(let value): Self.appendString(value, to: &output, scriptSafe: scriptSafe)
        case .array(let items):
            guard !items.isEmpty else { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent, level + 1)
                item.write(into: &output, indent: indent, level: level + 1, scriptSafe: scriptSafe)
            }
            Self.newline(&output, indent, level)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (n, (key, value)) in pairs.enumerated() {
                if n > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent, level + 1)
                Self.appendString(key, to: &output, scriptSafe: scriptSafe)
                output.append(UInt8(ascii: ":"))
                if indent > 0 { output.append(UInt8(ascii: " ")) }
                value.write(into: &output, indent: indent, level: level + 1, scriptSafe: scriptSafe)
            }
            Self.newline(&output, indent, level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int, _ level: Int) {
        guard indent > 0 else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Bytes a JSON string escapes, or that may start U+2028 or U+2029.
    private static let stringStops = StopBytes { byte in
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xE2
    }
    /// The same and `<`, `>`, `&`, for JSON inside `<script>`.
    private static let scriptStops = StopBytes { byte in
        byte < 0x20 || "\"\\<>&".utf8.contains(byte) || byte == 0x7F || byte == 0xE2
    }

    /// A JSON string literal appended as UTF-8: quotes, backslashes and control characters escaped, runs of
    /// other bytes copied whole; with `scriptSafe`, also `<`, `>`, `&`, U+2028 and U+2029, so that the JSON
    /// can stand inside `<script>`.
    static func appendString(_ text: String, to result: inout [UInt8], scriptSafe: Bool) {
        var text = text
        text.withUTF8 { bytes in
            result.makeRoom(for: bytes.count + 2)
            result.append(UInt8(ascii: "\""))
            var runStart = 0
            var i = 0
            while true {
                // Each table read where it lies: a copy of one would retain its array, which every thread
                // shares, at every string.
                i = scriptSafe ? scriptStops.next(in: bytes, from: i) : stringStops.next(in: bytes, from: i)
                guard i < bytes.count else { break }
                let byte = bytes[i]
                var width = 1
                var escaped: UInt32?
                var short: UInt8 = 0
                switch byte {
                case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
                case 0x0A: short = UInt8(ascii: "n")
                case 0x0D: short = UInt8(ascii: "r")
                case 0x09: short = UInt8(ascii: "t")
                case 0xE2:
                    guard i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    escaped = bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029
                    width = 3
                default: escaped = UInt32(byte)  // other controls, DEL, and `<`, `>`, `&` for scripts
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                result.append(92)
                if let escaped {
                    result.append(UInt8(ascii: "u"))
                    for shift in stride(from: 12, through: 0, by: -4) { result.append(hexDigits[Int((escaped >> UInt32(shift)) & 0xF)]) }
                } else {
                    result.append(short)
                }
                i += width
                runStart = i
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            result.append(UInt8(ascii: "\""))
        }
    }
}
