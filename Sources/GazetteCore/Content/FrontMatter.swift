/// Splits an article file into its YAML front matter and its Markdown body.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML text between the `---` lines.
    public var yaml: String
    /// Byte offset of the body in the (BOM-less) file.
    public var bodyOffset: Int
    /// 1-based line where the body starts.
    public var bodyLine: Int

    public enum Problem: Error, Equatable {
        case empty
        case missing
        case unterminated

        public var message: String {
            switch self {
            case .empty: return "empty file: an article needs front matter with at least a title and a date"
            case .missing: return "missing front matter: the file must start with a line '---', then YAML fields, then '---'"
            case .unterminated: return "front matter opened here is never closed with a line '---'"
            }
        }
    }

    /// Finds the front matter in `bytes` (UTF-8, the BOM already removed).
    public static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<FrontMatter, Problem> {
        guard bytes.contains(where: { !isBlank($0) }) else { return .failure(.empty) }
        guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes, 0, firstEnd) else { return .failure(.missing) }
        var start = next(bytes, after: firstEnd)
        let yamlStart = start
        var line = 2
        while start < bytes.count {
            let end = lineEnd(bytes, from: start) ?? bytes.count
            if isFence(bytes, start, end) || isDots(bytes, start, end) {
                let yaml = String(decoding: UnsafeBufferPointer(rebasing: bytes[yamlStart..<start]), as: UTF8.self)
                // A closing line without a newline ends the file: the (empty) body is on that line.
                let bodyLine = end < bytes.count ? line + 1 : line
                return .success(FrontMatter(yaml: yaml, bodyOffset: next(bytes, after: end), bodyLine: bodyLine))
            }
            start = next(bytes, after: end)
            line += 1
        }
        return .failure(.unterminated)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The index of the `\n` ending the line that starts at `start`, or the end of the text.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }

    private static func next(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Int {
        min(end + 1, bytes.count)
    }

    /// `---` with optional trailing spaces and `\r`.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        isMarker(bytes, start, end, UInt8(ascii: "-"))
    }

    /// `...`, YAML's own end-of-document marker.
    private static func isDots(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        isMarker(bytes, start, end, UInt8(ascii: "."))
    }

    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ mark: UInt8) -> Bool {
        guard end - start >= 3, bytes[start] == mark, bytes[start + 1] == mark, bytes[start + 2] == mark else { return false }
        return bytes[(start + 3)..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
