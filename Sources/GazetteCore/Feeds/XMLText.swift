import GazetteMustache

/// Text made safe for XML: markup characters escaped, and the characters XML 1.0 forbids removed.
enum XMLText {
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped, working on UTF-8 bytes: feeds carry whole article bodies.
    static func append(_ text: String, to output: inout [UInt8]) {
        copy(text, to: &output, escapingMarkup: true)
    }

    /// Appends `text` as a CDATA section: copied as it is but for the characters XML 1.0 forbids,
    /// and with `]]>` split over two sections. For HTML bodies in feeds, which are long and full of
    /// the characters escaping would replace (every tag's `<`, `>` and quotes).
    static func appendCDATA(_ text: String, to output: inout [UInt8]) {
        output += "<![CDATA[".utf8
        var text = text
        text.withUTF8 { bytes in
            if firstCharacterDataStop(in: bytes) == bytes.count {
                // Nearly every body: nothing to drop or split.
                output.append(contentsOf: bytes)
            } else if forbiddenStops.next(in: bytes, from: 0) == bytes.count {
                // A `]` and nothing to drop.
                appendSplittingSectionEnds(bytes, to: &output)
            } else {
                // Dropped first, then split: a forbidden character between `]]` and `>` would
                // otherwise leave `]]>` in the section.
                var kept: [UInt8] = []
                kept.reserveCapacity(bytes.count)
                copy(bytes, to: &kept, escapingMarkup: false)
                kept.withUnsafeBufferPointer { appendSplittingSectionEnds($0, to: &output) }
            }
        }
        output += "]]>".utf8
    }

    /// Bytes that are forbidden, or start a forbidden character (U+FFFE, U+FFFF), or may start `]]>`.
    private static let characterDataStops = StopBytes { byte in
        isForbiddenStart(byte) || byte == UInt8(ascii: "]")
    }
    /// Bytes that are forbidden, or start a forbidden character.
    private static let forbiddenStops = StopBytes(isForbiddenStart)
    /// The same, and the characters escaped outside CDATA sections.
    private static let markupStops = StopBytes { byte in
        isForbiddenStart(byte) || "&<>\"'".utf8.contains(byte)
    }

    private static func isForbiddenStart(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xEF
    }

    /// Where the first of `characterDataStops` is (`bytes.count` when there is none), eight bytes at a
    /// time: feeds copy whole bodies into CDATA sections, most of them without a single stop.
    static func firstCharacterDataStop(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Flagged with the stops: tabs and line breaks (below 0x20 too), checked alone.
        ByteChunk.firstIndex(in: bytes, from: 0, flags: characterDataFlags) { characterDataStops.contains($0) }
    }

    /// The top bit of each byte of `chunk` below 0x20 or equal to 0x7F, 0xEF or `]`; above the lowest
    /// such byte, others may be flagged too (a borrow), so only the lowest counts.
    @inline(__always)
    static func characterDataFlags(_ chunk: UInt64) -> UInt64 {
        ByteChunk.below(0x20, in: chunk) | ByteChunk.equal(to: 0x7F, in: chunk) | ByteChunk.equal(to: 0xEF, in: chunk)
            | ByteChunk.equal(to: UInt8(ascii: "]"), in: chunk)
    }

    /// `bytes` with `]]>` split over two sections: `]]` ends this one and `>` starts the next.
    private static func appendSplittingSectionEnds(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: "]"), bytes[i + 1] == UInt8(ascii: "]"), bytes[i + 2] == UInt8(ascii: ">") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(i + 2)]))
                output += "]]><![CDATA[".utf8
                start = i + 2
                i += 2
            } else {
                i += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    /// Copies `text` in runs, dropping what XML 1.0 forbids, and escaping markup characters or not
    /// (inside a CDATA section, whose ends `appendSplittingSectionEnds` splits after).
    private static func copy(_ text: String, to output: inout [UInt8], escapingMarkup: Bool) {
        var text = text
        text.withUTF8 { copy($0, to: &output, escapingMarkup: escapingMarkup) }
    }

    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], escapingMarkup: Bool) {
        output.makeRoom(for: bytes.count + (escapingMarkup ? bytes.count / 8 : 0))
        var start = 0
        var i = 0
        while true {
            // Each table read where it lies: a copy of one would retain its array, which every thread
            // shares, at every text.
            i = escapingMarkup ? markupStops.next(in: bytes, from: i) : forbiddenStops.next(in: bytes, from: i)
            guard i < bytes.count else { break }
            let replacement: StaticString
            var width = 1
            switch bytes[i] {
            case 0x00..<0x20, 0x7F:
                replacement = ""  // forbidden in XML 1.0 (DEL is allowed but never wanted)
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                replacement = ""  // U+FFFE and U+FFFF
                width = 3
            case UInt8(ascii: "&") where escapingMarkup: replacement = "&amp;"
            case UInt8(ascii: "<") where escapingMarkup: replacement = "&lt;"
            case UInt8(ascii: ">") where escapingMarkup: replacement = "&gt;"
            case UInt8(ascii: "\"") where escapingMarkup: replacement = "&quot;"
            case UInt8(ascii: "'") where escapingMarkup: replacement = "&apos;"
            default:
                i += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            i += width
            start = i
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
}

/// Appends XML elements to a byte buffer, escaping every value.
struct XMLWriter {
    private(set) var bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".utf8)

    init() {
        bytes.reserveCapacity(4096)
    }

    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// `<name attributes>value</name>`; nothing when `value` is nil.
    mutating func element(_ name: String, _ value: String?, _ attributes: KeyValuePairs<String, String> = [:]) {
        guard let value else { return }
        open(name, attributes)
        XMLText.append(value, to: &bytes)
        raw("</\(name)>\n")
    }


    /// `<name attributes><![CDATA[value]]></name>`: for HTML bodies.
    mutating func characterData(_ name: String, _ value: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes)
        XMLText.appendCDATA(value, to: &bytes)
        raw("</\(name)>\n")
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        raw("<\(name)")
        appendAttributes(attributes)
        raw("/>\n")
    }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        raw("<\(name)")
        appendAttributes(attributes)
        raw(">")
    }

    private mutating func appendAttributes(_ pairs: KeyValuePairs<String, String>) {
        for (key, value) in pairs {
            raw(" \(key)=\"")
            XMLText.append(value, to: &bytes)
            raw("\"")
        }
    }
}
