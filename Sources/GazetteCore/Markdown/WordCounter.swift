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
        var inToken = false, tokenHasWord = false, inURL = false
        var previous: UInt8 = 0
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if isSpace {
                if inToken, tokenHasWord { count += 1 }
                inToken = false
                tokenHasWord = false
                inURL = false
            } else {
                inToken = true
                if byte == UInt8(ascii: "("), previous == UInt8(ascii: "]") { inURL = true }
                if !inURL, !tokenHasWord {
                    // ASCII letters and digits, or any byte of a non-ASCII character (letters of other scripts).
                    tokenHasWord = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0xC0
                }
                if byte == UInt8(ascii: ")") { inURL = false }
            }
            previous = byte
        }
        if inToken, tokenHasWord { count += 1 }
        return count
    }
}
