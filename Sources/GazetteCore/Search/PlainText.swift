/// The readable text at the start of rendered HTML, for search snippets: tags become spaces, the
/// entities cmark writes are decoded, runs of white space become one space.
enum PlainText {
    /// At most `limit` characters of text from the start of `html`, cut after a whole word (with `…`).
    static func excerpt(fromHTML html: String, limit: Int) -> String {
        var text = ""
        var pendingSpace = false
        var count = 0
        var rest = Substring(html)

        func append(_ c: Character) {
            if pendingSpace, !text.isEmpty {
                text.append(" ")
                count += 1
            }
            pendingSpace = false
            text.append(c)
            count += 1
        }
        while let c = rest.first, count < limit + 1 {
            rest = rest.dropFirst()
            switch c {
            case "<":
                let name = rest.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if !inline.contains(String(name).lowercased()) { pendingSpace = true }
                rest = rest.drop { $0 != ">" }.dropFirst()
                continue
            case "&":
                if let end = rest.prefix(10).firstIndex(of: ";"), let decoded = entity(rest[..<end]) {
                    rest = rest[rest.index(after: end)...]
                    append(decoded)
                    continue
                }
            default: break
            }
            if c.isWhitespace { pendingSpace = true } else { append(c) }
        }
        guard count > limit else { return text }
        var cut = text.dropLast()
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let last = cut.last, last.isPunctuation { cut = cut.dropLast() }
        return cut + "…"
    }

    /// Tags inside a line of text: no space where they were.
    private static let inline: Set<String> = ["a", "em", "strong", "code", "span", "del", "sup", "sub", "mark", "b", "i", "u", "s", "abbr"]

    private static func entity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
