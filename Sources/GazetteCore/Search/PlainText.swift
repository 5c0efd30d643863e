/// The readable text at the start of rendered HTML, for search snippets: tags become spaces (inline
/// ones nothing), the entities cmark writes are decoded, runs of white space become one space.
/// Works on UTF-8 bytes and stops at the limit, so a long body costs no more than a short one.
enum PlainText {
    /// At most `limit` characters of text from the start of `html`, cut after a whole word (with `…`).
    static func excerpt(fromHTML html: String, limit: Int) -> String {
        var html = html
        return html.withUTF8 { excerpt(Array($0.prefix(limit * 8 + 1024)), limit: limit) }
    }

    private static func excerpt(_ bytes: [UInt8], limit: Int) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(limit + 16)
        var characters = 0, pendingSpace = false, i = 0
        func append<S: Sequence<UInt8>>(_ piece: S) {
            if pendingSpace, !text.isEmpty {
                text.append(0x20)
                characters += 1
            }
            pendingSpace = false
            for byte in piece {
                text.append(byte)
                if byte & 0xC0 != 0x80 { characters += 1 }
            }
        }
        while i < bytes.count, characters <= limit {
            let byte = bytes[i]
            switch byte {
            case 0x3C:
                var j = i + 1
                if j < bytes.count, bytes[j] == 0x2F { j += 1 }
                let nameStart = j
                while j < bytes.count, bytes[j].isASCIIAlphanumeric { j += 1 }
                if !inline.contains(String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()) { pendingSpace = true }
                while j < bytes.count, bytes[j] != 0x3E { j += 1 }
                i = j + 1
            case 0x26:
                var j = i + 1
                while j < bytes.count, j - i < 10, bytes[j] == 0x23 || bytes[j].isASCIIAlphanumeric { j += 1 }
                if j < bytes.count, bytes[j] == 0x3B, let decoded = entity(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) {
                    append(decoded.utf8)
                    i = j + 1
                } else {
                    append(CollectionOfOne(byte))
                    i += 1
                }
            case 0x20, 0x0A, 0x09, 0x0D:
                pendingSpace = true
                i += 1
            default:
                var j = i + 1
                while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
                append(bytes[i..<j])
                i = j
            }
        }
        let string = String(decoding: text, as: UTF8.self)
        guard characters > limit else { return string }
        var cut = Substring(string).unicodeScalars.dropLast()[...]
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, last.properties.generalCategory.isPunctuation { cut = cut.dropLast() }
        return String(cut) + "…"
    }

    /// Tags inside a line of text: no space where they were.
    private static let inline: Set<String> = ["a", "em", "strong", "code", "span", "del", "sup", "sub", "mark", "b", "i", "u", "s", "abbr"]

    private static func entity(_ name: String) -> String? {
        // A no-break space is a space in running text.
        name == "nbsp" ? " " : Entities.character(named: Substring(name))
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
