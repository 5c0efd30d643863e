/// Text made safe for XML: markup characters escaped, and the characters XML 1.0 forbids removed.
enum XMLText {
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped, working on UTF-8 bytes: feeds carry whole article bodies.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + bytes.count / 8)
            var start = 0
            var i = 0
            func flush() {
                if start < i { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            }
            while i < bytes.count {
                let byte = bytes[i]
                let replacement: StaticString?
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x09, 0x0A, 0x0D:
                    i += 1
                    continue
                case 0x00..<0x20, 0x7F:
                    replacement = ""  // forbidden in XML 1.0 (DEL is allowed but never wanted)
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    replacement = ""  // U+FFFE and U+FFFF
                    skip = 3
                default:
                    i += 1
                    continue
                }
                flush()
                if let replacement {
                    replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                }
                i += skip
                start = i
            }
            flush()
        }
    }
}

extension XMLText {
    /// Appends `text` as a CDATA section: copied as it is but for the characters XML 1.0 forbids,
    /// and with `]]>` split over two sections. For HTML bodies in feeds, which are long and full of
    /// the characters escaping would replace (every tag's `<`, `>` and quotes).
    static func appendCDATA(_ text: String, to output: inout [UInt8]) {
        output += "<![CDATA[".utf8
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + 3)
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x20, byte != UInt8(ascii: "]"), byte != 0x7F, byte != 0xEF {
                    i += 1
                    continue
                }
                var skip = 0
                var insert: StaticString = ""
                switch byte {
                case 0x09, 0x0A, 0x0D: break
                case UInt8(ascii: "]") where i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "]") && bytes[i + 2] == UInt8(ascii: ">"):
                    // `]]` ends this section and `>` starts the next.
                    i += 2
                    insert = "]]><![CDATA["
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    skip = 3  // U+FFFE and U+FFFF
                case 0x00..<0x20, 0x7F:
                    skip = 1  // forbidden in XML 1.0 (DEL is allowed but never wanted)
                default: break
                }
                if skip == 0, insert.utf8CodeUnitCount == 0 {
                    i += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                insert.withUTF8Buffer { output.append(contentsOf: $0) }
                i += skip
                start = i
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        output += "]]>".utf8
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
