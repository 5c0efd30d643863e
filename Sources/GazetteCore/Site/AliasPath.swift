/// Reads the old URLs an article keeps as redirects (`aliases: [/old/path/]`): site paths only,
/// nothing that could name a file outside the output folder or another site.
public enum AliasPath {
    /// The route an alias path names: `/old/path/` is a folder (`old/path/index.html`), and so is
    /// `/old/path`; `/old/story.html` is that file.
    ///
    /// - Returns: the route, or why the path is refused.
    public static func parse(_ text: String) -> Result<Route, AliasProblem> {
        func refuse(_ why: String) -> Result<Route, AliasProblem> { .failure(AliasProblem(message: "alias '\(text)' \(why)")) }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
            return refuse("may not contain a backslash or a control character")
        }
        if text.hasPrefix("//") || text.contains("://") || (!text.hasPrefix("/") && text.contains(":")) {
            return refuse("must be a path on this site such as /old/path/, not an absolute URL")
        }
        guard text.hasPrefix("/") else { return refuse("must be a path on this site starting with '/', such as /old/path/") }
        if text.contains("?") || text.contains("#") {
            return refuse("may not contain '?' or '#': a static redirect page answers a path only")
        }
        var raw = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let isFolder = raw.last == ""
        if isFolder { raw.removeLast() }
        guard !raw.isEmpty else { return refuse("would replace the home page") }
        var segments: [String] = []
        for part in raw {
            guard !part.isEmpty else { return refuse("has an empty segment ('//')") }
            guard let decoded = String(part).removingPercentEncoding else { return refuse("has a malformed %-escape") }
            if decoded == "." || decoded == ".." { return refuse("may not contain '.' or '..' segments") }
            if decoded.contains("/") || decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
                return refuse("may not encode '/', a backslash or a control character")
            }
            segments.append(decoded)
        }
        let looksLikeFile = !isFolder && (segments.last?.contains(".") ?? false)
        return .success(Route(segments, isFile: looksLikeFile))
    }
}

/// Why an alias path was refused.
public struct AliasProblem: Error, Equatable, Sendable {
    public var message: String
}
