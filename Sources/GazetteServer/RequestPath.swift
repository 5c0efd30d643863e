import GazetteCore

/// A request's target, decoded once and checked so that it can only name a file inside the site.
///
/// The raw target (`/topics/pakistan/?page=2`) loses its query, is percent-decoded exactly once, and is
/// refused when it could step outside the site or smuggle a separator: `..` or `.` segments (raw or
/// encoded), encoded slashes (`%2F`), backslashes (raw or `%5C`), NUL and other control characters,
/// empty segments (`//`), malformed escapes, bytes that are not UTF-8, and targets that do not start
/// with `/`. What is left is a list of plain names, joined with `/` into a key of the memory build.
struct RequestPath: Equatable, Sendable {
    /// The decoded segments, none empty, none `.` or `..`, none holding `/`, `\` or a control character.
    var segments: [String]
    /// True when the target ended with `/` (or was `/`): a folder.
    var isFolder: Bool
    /// The raw query, without `?`, when there was one.
    var query: Substring?

    enum Rejection: Error, Equatable {
        case notAbsolute, badEscape, encodedSeparator, backslash, controlCharacter, notUTF8, dotSegment, emptySegment
    }

    /// The key of the file this path names in the build: `topics/index.html` for `/topics/`.
    var fileKey: String {
        let joined = segments.joined(separator: "/")
        guard isFolder else { return joined }
        return joined.isEmpty ? "index.html" : joined + "/index.html"
    }

    /// The same path with a slash at the end (and its query), for redirecting `/topics` to `/topics/`.
    var folderTarget: String {
        "/" + segments.map(Slug.urlEncoded).joined(separator: "/") + "/" + (query.map { "?" + $0 } ?? "")
    }

    /// Decodes and checks the raw request target.
    init(target: String) throws(Rejection) {
        var raw = Substring(target)
        if let mark = raw.firstIndex(of: "#") { raw = raw[..<mark] }
        if let mark = raw.firstIndex(of: "?") {
            query = raw[raw.index(after: mark)...]
            raw = raw[..<mark]
        } else {
            query = nil
        }
        guard raw.first == "/" else { throw .notAbsolute }
        let rawSegments = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        isFolder = rawSegments.last == ""
        segments = []
        for (position, rawSegment) in rawSegments.enumerated() {
            if rawSegment.isEmpty {
                // Only the trailing slash (or the bare "/") may leave an empty segment.
                guard position == rawSegments.count - 1 else { throw .emptySegment }
                continue
            }
            let segment = try Self.decode(rawSegment)
            guard segment != ".", segment != ".." else { throw .dotSegment }
            segments.append(segment)
        }
    }

    /// Percent-decodes one segment, refusing what must never appear in a name.
    private static func decode(_ segment: Substring) throws(Rejection) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.utf8.count)
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            var decoded = byte
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .badEscape
                }
                decoded = high << 4 | low
                if decoded == UInt8(ascii: "/") { throw .encodedSeparator }
            }
            if decoded == UInt8(ascii: "\\") { throw .backslash }
            if decoded < 0x20 || decoded == 0x7F { throw .controlCharacter }
            bytes.append(decoded)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
