/// A JSON document written in a fixed key order, for JSON Feed and JSON-LD.
///
/// The text is safe inside an HTML `<script>` element: `<`, `>` and `&` are written as `\u003c`,
/// `\u003e` and `\u0026`, so no `</script>` or `<!--` can appear, and U+2028 and U+2029 as escapes
/// for old JavaScript parsers. Parsed as JSON, the escapes are the same characters.
public indirect enum JSONValue: Sendable, Equatable {
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
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The document as text; `indent` spaces a level, or all on one line when 0. `scriptSafe: false`
    /// leaves `<`, `>` and `&` as they are, for documents served on their own (JSON Feed).
    public func serialized(indent: Int = 0, scriptSafe: Bool = true) -> String {
        var output = ""
        write(into: &output, indent: indent, level: 0, scriptSafe: scriptSafe)
        return output
    }

    private func write(into output: inout String, indent: Int, level: Int, scriptSafe: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .string(let value): Self.writeString(value, into: &output, scriptSafe: scriptSafe)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (n, item) in items.enumerated() {
                if n > 0 { output += "," }
                Self.newline(&output, indent, level + 1)
                item.write(into: &output, indent: indent, level: level + 1, scriptSafe: scriptSafe)
            }
            Self.newline(&output, indent, level)
            output += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { output += "{}"; return }
            output += "{"
            for (n, (key, value)) in pairs.enumerated() {
                if n > 0 { output += "," }
                Self.newline(&output, indent, level + 1)
                Self.writeString(key, into: &output, scriptSafe: scriptSafe)
                output += indent > 0 ? ": " : ":"
                value.write(into: &output, indent: indent, level: level + 1, scriptSafe: scriptSafe)
            }
            Self.newline(&output, indent, level)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int, _ level: Int) {
        guard indent > 0 else { return }
        output += "\n" + String(repeating: " ", count: indent * level)
    }

    private static let hexDigits = Array("0123456789abcdef")

    static func writeString(_ text: String, into output: inout String, scriptSafe: Bool = true) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<" where scriptSafe, ">" where scriptSafe, "&" where scriptSafe:
                output += unicodeEscape(scalar.value)
            case "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += unicodeEscape(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        var text = "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            text.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return text
    }
}
