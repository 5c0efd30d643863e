/// A small tag scanner for HTML and XML: start tags with their attributes, end tags and text.
///
/// Not a parser: it does not build a tree or fix bad nesting. It knows comments, `<!…>` and `<?…>`
/// declarations, CDATA sections, quoted and unquoted attribute values, and (for HTML) that the content
/// of `<script>` and `<style>` is not markup. That is all link checking needs.
struct MarkupScanner {
    enum Event {
        case start(name: String, attributes: [(name: String, value: String)])
        case end(name: String)
        /// Text with its character references decoded; only when asked for.
        case text(String)
    }

    let bytes: [UInt8]
    /// HTML: lowercase names, raw-text `<script>` and `<style>`.
    let html: Bool
    /// Whether to report text (XML feeds need it; HTML link checking does not).
    let wantText: Bool

    func scan(_ handle: (Event) -> Void) {
        var i = 0
        var textStart = 0
        let n = bytes.count
        func flushText(_ end: Int) {
            if wantText, end > textStart {
                handle(.text(Entities.decode(String(decoding: bytes[textStart..<end], as: UTF8.self))))
            }
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts(with: "<!--", at: i) {
                flushText(i)
                i = find("-->", from: i + 4).map { $0 + 3 } ?? n
                textStart = i
            } else if starts(with: "<![CDATA[", at: i) {
                flushText(i)
                let end = find("]]>", from: i + 9) ?? n
                if wantText { handle(.text(String(decoding: bytes[(i + 9)..<end], as: UTF8.self))) }
                i = min(n, end + 3)
                textStart = i
            } else if i + 1 < n, bytes[i + 1] == UInt8(ascii: "!") || bytes[i + 1] == UInt8(ascii: "?") {
                flushText(i)
                i = find(">", from: i + 2).map { $0 + 1 } ?? n
                textStart = i
            } else if i + 1 < n, bytes[i + 1] == UInt8(ascii: "/") {
                flushText(i)
                let (name, after) = readName(from: i + 2)
                i = find(">", from: after).map { $0 + 1 } ?? n
                textStart = i
                if !name.isEmpty { handle(.end(name: name)) }
            } else if i + 1 < n, isNameStart(bytes[i + 1]) {
                flushText(i)
                let (name, after) = readName(from: i + 1)
                let (attributes, end, selfClosing) = readAttributes(from: after)
                handle(.start(name: name, attributes: attributes))
                i = end
                if selfClosing { handle(.end(name: name)) }
                if html, name == "script" || name == "style" {
                    i = findCaseInsensitive("</" + name, from: i) ?? n
                }
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(n)
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private func readName(from start: Int) -> (String, Int) {
        var i = start
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        let name = String(decoding: bytes[start..<i], as: UTF8.self)
        return (html ? name.lowercased() : name, i)
    }

    /// Attributes up to the tag's `>`; returns them, the index after `>`, and whether the tag ended `/>`.
    private func readAttributes(from start: Int) -> ([(name: String, value: String)], Int, Bool) {
        var attributes: [(name: String, value: String)] = []
        var i = start
        let n = bytes.count
        while i < n {
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n else { break }
            if bytes[i] == UInt8(ascii: ">") { return (attributes, i + 1, false) }
            if bytes[i] == UInt8(ascii: "/") {
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: ">") { return (attributes, i + 2, true) }
                i += 1
                continue
            }
            let nameStart = i
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                  bytes[i] != UInt8(ascii: "/") { i += 1 }
            var name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            if html { name = name.lowercased() }
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] == UInt8(ascii: "=") else {
                attributes.append((name, ""))
                continue
            }
            i += 1
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n else { break }
            let value: String
            if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                let valueStart = i + 1
                i = valueStart
                while i < n, bytes[i] != quote { i += 1 }
                value = String(decoding: bytes[valueStart..<min(i, n)], as: UTF8.self)
                i += 1
            } else {
                let valueStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
            }
            attributes.append((name, Entities.decode(value)))
        }
        return (attributes, n, false)
    }

    // These run at every `<` and over whole scripts: they compare in place, allocating nothing per position.
    private func starts(with text: StaticString, at i: Int) -> Bool {
        let needle = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard i + needle.count <= bytes.count else { return false }
        return bytes[i..<(i + needle.count)].elementsEqual(needle)
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        find(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), from: start) { $0 }
    }

    private func findCaseInsensitive(_ text: String, from start: Int) -> Int? {
        find(Array(text.lowercased().utf8), from: start) { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
    }

    /// The first place from `start` where the bytes, each passed through `fold`, spell `needle`.
    private func find(_ needle: some Collection<UInt8>, from start: Int, fold: (UInt8) -> UInt8) -> Int? {
        guard let first = needle.first else { return start }
        var i = start
        while i + needle.count <= bytes.count {
            if fold(bytes[i]) == first, zip(bytes[i..<(i + needle.count)], needle).allSatisfy({ fold($0) == $1 }) { return i }
            i += 1
        }
        return nil
    }
}
