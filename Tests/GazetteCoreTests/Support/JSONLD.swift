import Foundation

/// The JSON-LD documents of an HTML page, parsed as JSON.
enum JSONLD {
    /// Every `<script type="application/ld+json">` of `html`, parsed.
    static func documents(in html: String) throws -> [[String: Any]] {
        var documents: [[String: Any]] = []
        var rest = html[...]
        while let open = rest.range(of: "<script type=\"application/ld+json\">") {
            guard let close = rest[open.upperBound...].range(of: "</script>") else { break }
            let text = rest[open.upperBound..<close.lowerBound]
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            if let dictionary = object as? [String: Any] { documents.append(dictionary) }
            rest = rest[close.upperBound...]
        }
        return documents
    }

    /// The nodes of every document's `@graph` (or the document itself when it has none).
    static func nodes(in html: String) throws -> [[String: Any]] {
        try documents(in: html).flatMap { document -> [[String: Any]] in
            (document["@graph"] as? [[String: Any]]) ?? [document]
        }
    }

    /// The first node whose `@type` is `type`.
    static func node(_ type: String, in html: String) throws -> [String: Any]? {
        try nodes(in: html).first { $0["@type"] as? String == type }
    }
}

/// The `content` of `<meta property=... content=...>` or `<meta name=... content=...>` tags.
func metaContents(_ key: String, in html: String) -> [String] {
    var values: [String] = []
    for attribute in ["property", "name"] {
        var rest = html[...]
        let needle = "<meta \(attribute)=\"\(key)\" content=\""
        while let start = rest.range(of: needle) {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            values.append(String(tail[..<end]))
            rest = tail[end...]
        }
    }
    return values
}
