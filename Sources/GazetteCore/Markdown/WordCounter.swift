/// Counts the words of a Markdown body without parsing it: a word is a run between spaces that holds
/// a letter or a digit, so list markers, `#`, table rules and punctuation alone are not words,
/// and a link `[text](url)` counts its text's words only.
enum WordCounter {
    static func countMarkdown(_ text: String) -> Int {
        var text = text
        return text.withUTF8(count)
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 0
        let end = bytes.count
        while i < end {
            while i < end, isSpace(bytes[i]) { i += 1 }
            guard i < end else { break }
            // A token: does it hold a letter or digit outside a link's URL?
            var hasWord = false, inURL = false
            var previous: UInt8 = 0
            while i < end, !isSpace(bytes[i]) {
                let byte = bytes[i]
                if byte == UInt8(ascii: "("), previous == UInt8(ascii: "]") {
                    inURL = true
                } else if byte == UInt8(ascii: ")") {
                    inURL = false
                } else if !inURL, isWordByte(byte) {
                    hasWord = true
                    break
                }
                previous = byte
                i += 1
            }
            if hasWord {
                count += 1
                // The rest of the token cannot change that.
                // Spaces and control characters flagged eight bytes at a time.
                i = ByteChunk.firstIndex(in: bytes, from: i, flags: { ByteChunk.below(0x21, in: $0) }, where: isSpace)
            }
        }
        return count
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// ASCII letters and digits, or any byte of a non-ASCII character (letters of other scripts).
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0xC0
    }
}
