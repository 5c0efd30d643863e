import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks documents against the rules of their formats, returning what breaks them.
enum FeedFormats {
    /// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): required fields, and the type of every known one.
    static func jsonFeedProblems(_ feed: [String: Any]) -> [String] {
        var problems: [String] = []
        func expect<T>(_ object: [String: Any], _ key: String, _ type: T.Type, required: Bool = false, at path: String) {
            guard let value = object[key] else {
                if required { problems.append("\(path)\(key) is missing") }
                return
            }
            if !(value is T) { problems.append("\(path)\(key) is not \(T.self)") }
        }
        if feed["version"] as? String != "https://jsonfeed.org/version/1.1" { problems.append("version is not 1.1") }
        expect(feed, "title", String.self, required: true, at: "")
        for key in ["home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "language"] {
            expect(feed, key, String.self, at: "")
        }
        expect(feed, "expired", Bool.self, at: "")
        expect(feed, "authors", [[String: Any]].self, at: "")
        guard let items = feed["items"] as? [[String: Any]] else { return problems + ["items is missing or not a list of objects"] }
        for (n, item) in items.enumerated() {
            let path = "items[\(n)]."
            expect(item, "id", String.self, required: true, at: path)
            if item["content_html"] == nil, item["content_text"] == nil { problems.append("\(path) has neither content_html nor content_text") }
            for key in ["url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "language"] {
                expect(item, key, String.self, at: path)
            }
            expect(item, "tags", [String].self, at: path)
            expect(item, "authors", [[String: Any]].self, at: path)
            for key in ["date_published", "date_modified"] {
                if let date = item[key] as? String, ISO8601DateFormatter().date(from: date) == nil {
                    problems.append("\(path)\(key) '\(date)' is not RFC 3339")
                }
            }
            for author in item["authors"] as? [[String: Any]] ?? [] where author["name"] == nil && author["url"] == nil {
                problems.append("\(path)authors has an author without name or url")
            }
        }
        return problems
    }

    /// Google News sitemaps: each `<url>` has one `<loc>` and one `<news:news>` holding, in order,
    /// `<news:publication>` (`<news:name>`, `<news:language>`), `<news:publication_date>` (W3C) and `<news:title>`.
    static func newsSitemapProblems(_ xml: XML) -> [String] {
        var problems: [String] = []
        let root = xml.document.rootElement()
        if root?.localName != "urlset" || root?.uri != "http://www.sitemaps.org/schemas/sitemap/0.9" { problems.append("root is not a sitemaps.org urlset") }
        for (n, url) in xml.elements("url").enumerated() {
            let children = (url.children ?? []).compactMap { $0 as? XMLElement }
            if children.map({ $0.localName ?? "" }) != ["loc", "news"] { problems.append("url \(n): children are not loc, news") }
            guard let news = children.last, news.uri == "http://www.google.com/schemas/sitemap-news/0.9" else {
                problems.append("url \(n): no news:news in the news namespace")
                continue
            }
            let parts = (news.children ?? []).compactMap { $0 as? XMLElement }
            if parts.map({ $0.localName ?? "" }) != ["publication", "publication_date", "title"] {
                problems.append("url \(n): news:news holds \(parts.map { $0.localName ?? "" })")
            }
            let publication = (parts.first?.children ?? []).compactMap { $0 as? XMLElement }
            if publication.map({ $0.localName ?? "" }) != ["name", "language"] { problems.append("url \(n): publication is not name, language") }
            let language = publication.last?.stringValue ?? ""
            if language.range(of: #"^([a-z]{2,3}|zh-cn|zh-tw)$"#, options: .regularExpression) == nil {
                problems.append("url \(n): language '\(language)' is not an ISO 639 code")
            }
            let date = parts.count > 1 ? parts[1].stringValue ?? "" : ""
            if ISO8601DateFormatter().date(from: date) == nil { problems.append("url \(n): publication_date '\(date)' is not W3C") }
            if (parts.last?.stringValue ?? "").isEmpty { problems.append("url \(n): empty title") }
        }
        if xml.elements("url").count > 1000 { problems.append("more than 1,000 URLs") }
        return problems
    }
}
