import GazetteCore

/// The `Content-Type` of a file served from the build, from its extension.
///
/// Text types carry `charset=utf-8`; the site's feeds are named `feed.xml` (RSS), `atom.xml` (Atom) and
/// `feed.json` (JSON Feed) in every folder, so those names get their own types. Anything unknown is `application/octet-stream`.
enum MediaTypes {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let eventStream = "text/event-stream; charset=utf-8"

    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        // The feeds' names and types as the build writes them; `rss.xml` is what other tools call RSS.
        if let format = Feed.Format.allCases.first(where: { $0.fileName == name }) ?? (name == "rss.xml" ? .rss : nil) {
            return format.mediaType + "; charset=utf-8"
        }
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    private static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "txt": plainText, "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "wasm": "application/wasm",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
    ]

    /// True for HTML, where the reload script and the error overlay go.
    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}
