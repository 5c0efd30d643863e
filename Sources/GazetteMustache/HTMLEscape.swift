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
        var string = string
        string.withUTF8 { append($0, to: &output) }
    }

    /// The bytes escaping replaces.
    private static let escaped = StopBytes { "&<>\"'".utf8.contains($0) }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        while true {
            let index = escaped.next(in: bytes, from: runStart)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            guard index < bytes.count else { return }
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
    }
}
