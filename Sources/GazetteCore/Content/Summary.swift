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
        // Only the first `length + 1` characters of the collapsed text decide the cut: the rest is not
        // read. ASCII goes a byte at a time (Character's white space test costs more than the rest of
        // loading an article); from the first other byte on, a Character at a time.
        var collapsed = Collapsed(length: length)
        var isLong = false
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex, !isLong {
            let byte = utf8[index]
            guard byte < 0x80 else { break }
            index = utf8.index(after: index)
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                collapsed.space()
            } else {
                isLong = collapsed.add(CollectionOfOne(byte))
            }
        }
        if !isLong, index < utf8.endIndex {
            // What follows may extend the last ASCII character (a combining accent after a letter or a
            // space): read that one again with it, unless it was a control, which nothing extends.
            if index > utf8.startIndex {
                let previous = utf8.index(before: index)
                let byte = utf8[previous]
                if byte == 0x20 || (byte > 0x20 && byte != 0x7F && collapsed.dropLast(byte)) { index = previous }
            }
            for character in text[index...] {
                if character.isWhitespace {
                    collapsed.space()
                } else if collapsed.add(character.utf8) {
                    isLong = true
                    break
                }
            }
        }
        let prefix = String(decoding: collapsed.bytes, as: UTF8.self)
        // Joined by spaces, a mark after a space becomes part of it: count the characters again. When
        // that leaves too few, the early stop was wrong (rare): collapse all of the text.
        if isLong, prefix.count <= length {
            return shortened(text.split(whereSeparator: \.isWhitespace).joined(separator: " "), length: length)
        }
        return shortened(prefix, length: length)
    }

    /// Text being collapsed: words joined by single spaces, counted in characters as they are added.
    private struct Collapsed {
        let length: Int
        var bytes: [UInt8] = []
        var count = 0
        var pendingSpace = false

        init(length: Int) {
            self.length = length
            bytes.reserveCapacity(length + 8)
        }

        /// White space: one space before the next character, none before the first.
        mutating func space() {
            pendingSpace = count > 0
        }

        /// Adds a character's bytes; true once there are more than `length` characters.
        mutating func add(_ character: some Collection<UInt8>) -> Bool {
            if pendingSpace {
                bytes.append(0x20)
                count += 1
                pendingSpace = false
            }
            bytes += character
            count += 1
            return count > length
        }

        /// Takes back the last character when it is the ASCII `byte` (with no space pending after it).
        mutating func dropLast(_ byte: UInt8) -> Bool {
            guard !pendingSpace, bytes.last == byte else { return false }
            bytes.removeLast()
            count -= 1
            return true
        }
    }

    /// Collapsed `text` as it is when it is at most `length` characters, or cut at the last space
    /// before character `length`, without trailing punctuation, and marked with an ellipsis.
    private static func shortened(_ text: String, length: Int) -> String {
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
