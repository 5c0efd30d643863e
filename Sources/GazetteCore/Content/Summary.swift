/// The default summary of an article: its first paragraph, cut on a word boundary near 200 characters.
enum Summary {
    static let length = 200

    /// The start of a Markdown body that surely holds its first paragraph: up to the first blank line
    /// after 16 KB (or the whole body if it is shorter), so that a 50 MB article is not parsed whole
    /// just for its summary. A paragraph cannot run past a blank line, and reference links defined
    /// further down only change links, not the plain text.
    static func opening(of body: String) -> Substring {
        let limit = 16 * 1024
        let utf8 = body.utf8
        guard utf8.count > limit else { return body[...] }
        var index = utf8.index(utf8.startIndex, offsetBy: limit)
        var previousWasNewline = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") {
                if previousWasNewline { break }
                previousWasNewline = true
            } else if byte != UInt8(ascii: "\r") && byte != UInt8(ascii: " ") {
                previousWasNewline = false
            }
            index = utf8.index(after: index)
        }
        return body[..<index]
    }

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
