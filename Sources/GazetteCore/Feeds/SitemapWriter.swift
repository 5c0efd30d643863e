import Foundation

/// `sitemap.xml` with every page and its last modification; past 50,000 URLs (the protocol's limit)
/// it becomes a sitemap index of `sitemap-1.xml`, `sitemap-2.xml` … Beside it, `news-sitemap.xml`
/// (see `NewsSitemapWriter`).
struct SitemapWriter {
    /// Files the sitemaps and robots.txt take, which no page may take; sitemap parts are `sitemap-N.xml`.
    static let reservedFiles: Set<String> = ["sitemap.xml", "robots.txt", NewsSitemapWriter.path]
    static func isPart(_ path: String) -> Bool {
        path.hasPrefix("sitemap-") && path.hasSuffix(".xml") && !path.contains("/")
    }

    let context: SiteContext
    /// URLs per file.
    var limit = Self.limit
    static let limit = 50_000
    /// URLs per part, at least one.
    private var partSize: Int { max(1, limit) }

    struct Entry: Sendable {
        var route: Route
        var lastModified: Date?
    }

    /// The files `sitemaps` writes for `count` entries: the sitemap, or its parts and their index.
    func files(for count: Int) -> [String] {
        guard count > partSize else { return ["sitemap.xml"] }
        return (1...(count + partSize - 1) / partSize).map { "sitemap-\($0).xml" } + ["sitemap.xml"]
    }

    /// What the sitemap files show: with the same settings (base URL, time zone, Gazette's version), the
    /// same fingerprint means the same bytes, which an edit of an article's body leaves as they were.
    static func fingerprint(_ entries: [Entry], settings: UInt64, limit: Int) -> UInt64 {
        var hash = StableHash()
        hash.combine(settings)
        hash.combine(limit)
        for entry in entries {
            hash.combine(entry.route.encodedPath)
            hash.combine(entry.lastModified.map { $0.timeIntervalSince1970.bitPattern } ?? .max)
        }
        return hash.value
    }

    /// The sitemap (or its index and parts), by output path, in the order of `files(for:)`.
    func sitemaps(_ entries: [Entry]) -> [(String, [UInt8])] {
        let names = files(for: entries.count)
        guard names.count > 1 else { return [("sitemap.xml", urlset(entries[...]))] }
        var files: [(String, [UInt8])] = []
        var index = XMLWriter()
        index.raw("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for (n, start) in stride(from: 0, to: entries.count, by: partSize).enumerated() {
            let chunk = entries[start..<min(entries.count, start + partSize)]
            let name = names[n]
            files.append((name, urlset(chunk)))
            index.raw("<sitemap>\n")
            index.element("loc", context.links.absoluteURL(.file(name)))
            if let latest = chunk.compactMap(\.lastModified).max() { index.element("lastmod", iso(latest)) }
            index.raw("</sitemap>\n")
        }
        index.raw("</sitemapindex>\n")
        files.append(("sitemap.xml", index.bytes))
        return files
    }

    private func urlset(_ entries: ArraySlice<Entry>) -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for entry in entries {
            xml.raw("<url>\n")
            xml.element("loc", context.links.absoluteURL(entry.route))
            if let date = entry.lastModified { xml.element("lastmod", iso(date)) }
            xml.raw("</url>\n")
        }
        xml.raw("</urlset>\n")
        return xml.bytes
    }

    private func iso(_ date: Date) -> String {
        DateFormats.rfc3339(CivilTime(date, in: context.config.timeZone))
    }

    /// `robots.txt`, naming the sitemap.
    func robots() -> [UInt8] {
        Array(("User-agent: *\nAllow: /\n\nSitemap: \(context.links.absoluteURL(.file("sitemap.xml")))\n"
            + "Sitemap: \(context.links.absoluteURL(.file(NewsSitemapWriter.path)))\n").utf8)
    }
}
