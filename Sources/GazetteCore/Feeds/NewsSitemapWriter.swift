import Foundation

/// `news-sitemap.xml` for Google News: the articles published in the 48 hours before the build's time,
/// newest first, at most 1,000, each with the publication's name and language, its date and its title.
struct NewsSitemapWriter {
    let context: SiteContext

    static let path = "news-sitemap.xml"
    static let window: TimeInterval = 48 * 3600
    static let limit = 1000

    /// The articles the news sitemap lists: published after `now - 48 h` and not after `now`.
    static func articles(in index: SiteIndex, now: Date) -> [Int] {
        let start = now.addingTimeInterval(-window)
        var chosen: [Int] = []
        for (i, article) in index.articles.enumerated() {
            if article.date > now { continue }  // a future article included with --future
            guard article.date > start, chosen.count < limit else { break }
            chosen.append(i)
        }
        return chosen
    }

    func render() -> [UInt8] {
        let index = context.index
        var xml = XMLWriter()
        xml.raw("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n")
        for i in Self.articles(in: index, now: context.buildTime) {
            xml.raw("<url>\n")
            xml.element("loc", context.links.absoluteURL(index.routes[i]))
            xml.raw("<news:news>\n<news:publication>\n")
            xml.element("news:name", context.config.publisherName)
            xml.element("news:language", Self.language(context.config.language))
            xml.raw("</news:publication>\n")
            xml.element("news:publication_date", DateFormats.rfc3339(index.times[i]))
            xml.element("news:title", index.articles[i].title)
            xml.raw("</news:news>\n</url>\n")
        }
        xml.raw("</urlset>\n")
        return xml.bytes
    }

    /// Google News wants an ISO 639 code (`en`, `ur`), with `zh-cn` and `zh-tw` the only regional forms.
    static func language(_ tag: String) -> String {
        let lower = tag.lowercased().replacingOccurrences(of: "_", with: "-")
        if lower.hasPrefix("zh-") { return lower.contains("tw") || lower.contains("hant") ? "zh-tw" : "zh-cn" }
        return String(lower.prefix { $0 != "-" })
    }
}
