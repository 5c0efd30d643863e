/// The default summary of an article: its first paragraph, cut on a word boundary near 200 characters.
enum Summary {
    static let length = 200

    static func cut(_ text: String, length: Int = length) -> String {
        let text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.count > length else { return text }
        let limit = text.index(text.startIndex, offsetBy: length)
        var end = limit
        while end > text.startIndex, !text[end].isWhitespace { end = text.index(before: end) }
        if end == text.startIndex { end = limit }
        var cut = text[..<end]
        while let last = cut.last, last.isPunctuation || last.isWhitespace { cut = cut.dropLast() }
        return cut + "…"
    }
}
