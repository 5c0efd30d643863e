/// Front matter values written by `gazette new` and `gazette import`: text that reads back exactly.
enum YAMLText {
    /// A double-quoted YAML scalar: `"`, `\` and control characters escaped, everything else as it is.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{85}": output += "\\N"
            case "\u{2028}": output += "\\L"
            case "\u{2029}": output += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    output += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Plain when the text can only read back as this text (`KARACHI`, `AFP/File`, `Khyber Pakhtunkhwa`),
    /// double-quoted otherwise (numbers, `yes`, `null`, punctuation YAML gives a meaning).
    static func plainOrQuoted(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isAlphabetic || ("0"..."9").contains(first),
              last != " ", !reserved.contains(text.lowercased()) else { return false }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " ._/-".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
        // Numbers, dates and times would be read as other types.
        let numeric = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "-+._:eE ".unicodeScalars.contains($0) }
        return allowed && !numeric && !text.contains("  ")
    }
}

