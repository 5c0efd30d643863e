/// HTML escaping of interpolated values.
///
/// Escapes `&`, `<`, `>`, `"` and `'` as `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, which
/// makes a value safe in element content and in quoted attributes. Runs of ordinary bytes are
/// copied in one go; the string is read through its UTF-8 view without creating new strings.
public enum HTMLEscape {
    /// `string` escaped, for HTML built outside templates (the preview server's error overlay).
    public static func escape(_ string: String) -> String {
        var bytes: [UInt8] = []
        append(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ string: String, to output: inout [UInt8]) {
        let copied: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes, to: &output)
        }
        if copied == nil {
            append(Array(string.utf8), to: &output)
        }
    }

    static func append(_ bytes: some RandomAccessCollection<UInt8>, to output: inout [UInt8]) {
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                index = bytes.index(after: index)
                continue
            }
            output.append(contentsOf: bytes[runStart..<index])
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            index = bytes.index(after: index)
            runStart = index
        }
        output.append(contentsOf: bytes[runStart..<bytes.endIndex])
    }
}
