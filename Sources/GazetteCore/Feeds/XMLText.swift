/// Text made safe for XML: markup characters escaped, and the characters XML 1.0 forbids removed.
enum XMLText {
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                if isAllowed(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    /// XML 1.0's `Char` production: tab, line feed, carriage return, and U+0020 upward but for U+FFFE and U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

/// Appends XML elements to a string, escaping every value.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    mutating func raw(_ markup: String) {
        text += markup
    }

    /// `<name attributes>value</name>`; nothing when `value` is nil.
    mutating func element(_ name: String, _ value: String?, _ attributes: KeyValuePairs<String, String> = [:]) {
        guard let value else { return }
        text += "<\(name)\(Self.attributes(attributes))>\(XMLText.escape(value))</\(name)>\n"
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<\(name)\(Self.attributes(attributes))/>\n"
    }

    static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { " \($0.key)=\"\(XMLText.escape($0.value))\"" }.joined()
    }

    var bytes: [UInt8] { Array(text.utf8) }
}
