/// The default summary of an article: its first paragraph, cut on a word boundary near 200 characters.
enum Summary {
    static let length = 200

    /// The start of a Markdown body that surely holds its first paragraph when it has one there: up to
    /// the first blank line after `limit` bytes (or the whole body if it is shorter), so that a long
    /// article is not parsed whole just for its summary. A paragraph cannot run past a blank line, and
    /// reference links defined further down only change links, not the plain text. A construct left
    /// open at the cut (a code fence, an HTML block) can hide a later paragraph, never change an earlier
    /// one: `ArticleParser` reads further when the short opening shows none.
    static func opening(of body: String, limit: Int) -> Substring {
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

    /// How far `opening` looks first, and at most.
    static let openingLimits = [1024, 16 * 1024]

    /// `text` with runs of white space as one space, cut on a word boundary near `length` characters.
    static func cut(_ text: String, length: Int = length) -> String {
        if let cut = cutASCII(text, length: length) { return cut }
        // Only the first `length + 1` characters of the collapsed text decide the cut: the rest is not read.
        var collapsed = ""
        var count = 0, pendingSpace = false, isLong = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                collapsed.append(" ")
                count += 1
                pendingSpace = false
            }
            collapsed.append(character)
            count += 1
            if count > length {
                isLong = true
                break
            }
        }
        guard isLong else { return collapsed }
        let text = collapsed
        let limit = text.index(text.startIndex, offsetBy: length)
        var end = limit
        while end > text.startIndex, !text[end].isWhitespace { end = text.index(before: end) }
        if end == text.startIndex { end = limit }
        var cut = text[..<end]
        while let last = cut.last, last.isPunctuation || last.isWhitespace { cut = cut.dropLast() }
        return cut + "…"
    }

    /// `cut` for text that is ASCII as far as the cut (most English copy), a byte at a time: Character's
    /// white space test costs more than the rest of loading an article. Nil when other text comes first.
    private static func cutASCII(_ text: String, length: Int) -> String? {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(length + 2)
        var pendingSpace = false, isLong = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !collapsed.isEmpty
                continue
            }
            if pendingSpace {
                collapsed.append(0x20)
                pendingSpace = false
            }
            collapsed.append(byte)
            if collapsed.count > length {
                isLong = true
                break
            }
        }
        guard isLong else { return String(decoding: collapsed, as: UTF8.self) }
        var end = length
        while end > 0, collapsed[end] != 0x20 { end -= 1 }
        if end == 0 { end = length }
        while end > 0, collapsed[end - 1] == 0x20 || asciiPunctuation[Int(collapsed[end - 1])] { end -= 1 }
        return String(decoding: collapsed[..<end], as: UTF8.self) + "…"
    }

    /// Which ASCII characters `Character.isPunctuation` calls punctuation.
    private static let asciiPunctuation: [Bool] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))).isPunctuation }
}
