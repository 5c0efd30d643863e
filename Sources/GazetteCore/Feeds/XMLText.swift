import GazetteMustache

/// Text made safe for XML: markup characters escaped, and the characters XML 1.0 forbids removed.
enum XMLText {
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped, working on UTF-8 bytes: feeds carry whole article bodies.
    static func append(_ text: String, to output: inout [UInt8]) {
        copy(text, to: &output, escapingMarkup: true)
    }

    /// Appends `text` as a CDATA section: copied as it is but for the characters XML 1.0 forbids,
    /// and with `]]>` split over two sections. For HTML bodies in feeds, which are long and full of
    /// the characters escaping would replace (every tag's `<`, `>` and quotes).
    static func appendCDATA(_ text: String, to output: inout [UInt8]) {
        output += "<![CDATA[".utf8
        copy(text, to: &output, escapingMarkup: false)
        output += "]]>".utf8
    }

    /// Bytes that are forbidden, or start a forbidden character (U+FFFE, U+FFFF), or may start `]]>`.
    private static let characterDataStops = StopBytes { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xEF || byte == UInt8(ascii: "]")
    }
    /// The same without `]`, and with the characters escaped outside CDATA sections.
    private static let markupStops = StopBytes { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xEF
            || "&<>\"'".utf8.contains(byte)
    }

    /// Copies `text` in runs, dropping what XML 1.0 forbids, and either escaping markup characters or
    /// (inside a CDATA section) splitting `]]>`.
    private static func copy(_ text: String, to output: inout [UInt8], escapingMarkup: Bool) {
        var text = text
        text.withUTF8 { bytes in
            output.makeRoom(for: bytes.count + (escapingMarkup ? bytes.count / 8 : 3))
            var start = 0
            var i = 0
            while true {
                // Each table read where it lies: a copy of one would retain its array, which every thread
                // shares, at every text.
                i = escapingMarkup ? markupStops.next(in: bytes, from: i) : characterDataStops.next(in: bytes, from: i)
                guard i < bytes.count else { break }
                let replacement: StaticString
                var width = 1
                switch bytes[i] {
                case 0x00..<0x20, 0x7F:
                    replacement = ""  // forbidden in XML 1.0 (DEL is allowed but never wanted)
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    replacement = ""  // U+FFFE and U+FFFF
                    width = 3
                case UInt8(ascii: "&") where escapingMarkup: replacement = "&amp;"
                case UInt8(ascii: "<") where escapingMarkup: replacement = "&lt;"
                case UInt8(ascii: ">") where escapingMarkup: replacement = "&gt;"
                case UInt8(ascii: "\"") where escapingMarkup: replacement = "&quot;"
                case UInt8(ascii: "'") where escapingMarkup: replacement = "&apos;"
                case UInt8(ascii: "]") where !escapingMarkup && i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "]") && bytes[i + 2] == UInt8(ascii: ">"):
                    // `]]` ends this section and `>` starts the next.
                    replacement = "]]]]><![CDATA["
                    width = 2
                default:
                    i += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                i += width
                start = i
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}

/// Appends XML elements to a byte buffer, escaping every value.
struct XMLWriter {
    private(set) var bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".utf8)

    init() {
        bytes.reserveCapacity(4096)
    }

    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// `<name attributes>value</name>`; nothing when `value` is nil.
    mutating func element(_ name: String, _ value: String?, _ attributes: KeyValuePairs<String, String> = [:]) {
        guard let value else { return }
        open(name, attributes)
        XMLText.append(value, to: &bytes)
        raw("</\(name)>\n")
    }


    /// `<name attributes><![CDATA[value]]></name>`: for HTML bodies.
    mutating func characterData(_ name: String, _ value: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes)
        XMLText.appendCDATA(value, to: &bytes)
        raw("</\(name)>\n")
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        raw("<\(name)")
        appendAttributes(attributes)
        raw("/>\n")
    }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        raw("<\(name)")
        appendAttributes(attributes)
        raw(">")
    }

    private mutating func appendAttributes(_ pairs: KeyValuePairs<String, String>) {
        for (key, value) in pairs {
            raw(" \(key)=\"")
            XMLText.append(value, to: &bytes)
            raw("\"")
        }
    }
}
