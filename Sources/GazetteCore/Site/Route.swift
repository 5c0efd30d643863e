/// Where a page lives: a site path made of segments, such as `/topics/economy/page/2/`.
///
/// Segments are kept decoded (they name folders on disk); links percent-encode them.
public struct Route: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let segments: [String]
    /// A file route (`/404.html`, `/feed.xml`) rather than a folder with an `index.html`.
    public let isFile: Bool
    /// The site path with each segment percent-encoded, for links. Made once: a page's route is
    /// linked from many other pages, feeds and indexes.
    public let encodedPath: String

    public init(_ segments: [String], isFile: Bool = false) {
        self.segments = segments
        self.isFile = isFile
        var encoded = ""
        encoded.reserveCapacity(segments.reduce(2) { $0 + $1.utf8.count + 1 })
        for segment in segments {
            encoded += "/"
            encoded += Slug.urlEncoded(segment)
        }
        if !isFile || segments.isEmpty { encoded += "/" }
        encodedPath = encoded
    }

    public static func == (lhs: Route, rhs: Route) -> Bool {
        lhs.isFile == rhs.isFile && lhs.segments == rhs.segments
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(segments)
        hasher.combine(isFile)
    }

    public static let root = Route([])

    public static func file(_ segments: String...) -> Route {
        Route(segments, isFile: true)
    }

    public func appending(_ more: String...) -> Route {
        Route(segments + more)
    }

    /// `/a/b/` for a folder, `/a/b.xml` for a file, decoded.
    public var path: String {
        if segments.isEmpty { return "/" }
        let joined = "/" + segments.joined(separator: "/")
        return isFile ? joined : joined + "/"
    }

    /// The file this route is written to, relative to the output folder.
    public var outputPath: String {
        if isFile { return segments.joined(separator: "/") }
        return segments.isEmpty ? "index.html" : segments.joined(separator: "/") + "/index.html"
    }

    public var description: String { path }

    public static func < (lhs: Route, rhs: Route) -> Bool {
        lhs.path < rhs.path
    }
}
