import Foundation

/// The links of one output file, and the anchors it offers to others.
struct PageLinks: Sendable {
    struct Link: Sendable {
        /// As written in the file (entities decoded).
        var reference: String
        /// What a relative reference is resolved against; nil: the file's own URL.
        var base: String?
    }

    var links: [Link] = []
    /// `id` values, and `name` values of `<a>`.
    var anchors: Set<String> = []

    /// `href`, `src` and `srcset` of every element, a meta refresh's URL, and the anchors, of an HTML page.
    static func html(_ bytes: [UInt8]) -> PageLinks {
        var page = PageLinks()
        MarkupScanner(bytes: bytes, html: true, wantText: false).scan { event in
            guard case .start(let name, let attributes) = event else { return }
            page.collect(name, attributes, base: nil)
        }
        return page
    }

    private mutating func collect(_ name: String, _ attributes: [(name: String, value: String)], base: String?) {
        for (attribute, value) in attributes {
            switch attribute {
            case "href", "src": links.append(Link(reference: value, base: base))
            case "srcset": links += Self.srcset(value).map { Link(reference: $0, base: base) }
            case "id": anchors.insert(value)
            case "name" where name == "a": anchors.insert(value)
            default: break
            }
        }
        if name == "meta", attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }),
           let content = attributes.first(where: { $0.name == "content" })?.value, let url = Self.refreshURL(content) {
            links.append(Link(reference: url, base: base))
        }
    }

    /// The URLs of a `srcset`: `a.jpg 1x, b.jpg 2x` → `a.jpg`, `b.jpg`.
    static func srcset(_ value: String) -> [String] {
        var urls: [String] = []
        var rest = Substring(value)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard !rest.isEmpty else { break }
            var url = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(url.count)
            if url.hasSuffix(",") {
                while url.hasSuffix(",") { url = url.dropLast() }
            } else {
                rest = rest.drop { $0 != "," }  // the descriptor
            }
            urls.append(String(url))
        }
        return urls
    }

    /// `0; url=/target/` → `/target/`.
    static func refreshURL(_ content: String) -> String? {
        guard let range = content.range(of: "url=", options: .caseInsensitive) else { return nil }
        var url = content[range.upperBound...].trimmingCharacters(in: .whitespaces)
        if let first = url.first, first == "'" || first == "\"" {
            url = String(url.dropFirst())
            if url.last == first { url = String(url.dropLast()) }
        }
        return url.isEmpty ? nil : url
    }

    /// The links of an RSS, Atom or sitemap document: `<link>`, `<loc>`, `<uri>` and permalink `<guid>` texts,
    /// `href` attributes, and the links in HTML content (resolved against its item's link).
    static func xml(_ bytes: [UInt8]) -> PageLinks {
        var page = PageLinks()
        var stack: [(name: String, attributes: [(name: String, value: String)])] = []
        var itemLink: String?
        var text = ""
        MarkupScanner(bytes: bytes, html: false, wantText: true).scan { event in
            switch event {
            case .start(let name, let attributes):
                if name == "item" || name == "entry" { itemLink = nil }
                if let href = attributes.first(where: { $0.name == "href" })?.value {
                    page.links.append(Link(reference: href, base: nil))
                    let rel = attributes.first { $0.name == "rel" }?.value ?? "alternate"
                    if name == "link", rel == "alternate" { itemLink = href }
                }
                stack.append((name, attributes))
                text = ""
            case .text(let chunk):
                text += chunk
            case .end(let name):
                guard let open = stack.popLast(), open.name == name else { return }
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                text = ""
                switch name {
                case "link", "loc", "uri", "url":
                    guard !value.isEmpty else { return }
                    page.links.append(Link(reference: value, base: nil))
                    if name == "link" { itemLink = value }
                case "guid" where open.attributes.first { $0.name == "isPermaLink" }?.value != "false":
                    page.links.append(Link(reference: value, base: nil))
                // RSS's content:encoded is always HTML; Atom's content and summary when their type says so.
                case "content:encoded",
                     "content" where isHTML(open.attributes),
                     "summary" where isHTML(open.attributes):
                    page.links += html(Array(value.utf8)).links.map { Link(reference: $0.reference, base: itemLink) }
                default:
                    break
                }
            }
        }
        return page
    }

    private static func isHTML(_ attributes: [(name: String, value: String)]) -> Bool {
        attributes.contains { $0.name == "type" && $0.value == "html" }
    }

    /// The links of a JSON Feed: the feed's and items' URLs, images and the links in `content_html`.
    static func jsonFeed(_ bytes: [UInt8]) -> PageLinks? {
        guard let feed = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        var page = PageLinks()
        func add(_ value: Any?, base: String? = nil) {
            if let url = value as? String { page.links.append(Link(reference: url, base: base)) }
        }
        for key in ["home_page_url", "feed_url", "icon", "favicon"] { add(feed[key]) }
        for author in feed["authors"] as? [[String: Any]] ?? [] { add(author["url"]) }
        for item in feed["items"] as? [[String: Any]] ?? [] {
            let url = item["url"] as? String
            for key in ["url", "external_url", "image", "banner_image"] { add(item[key]) }
            for author in item["authors"] as? [[String: Any]] ?? [] { add(author["url"]) }
            if let content = item["content_html"] as? String {
                page.links += html(Array(content.utf8)).links.map { Link(reference: $0.reference, base: url) }
            }
        }
        return page
    }
}
