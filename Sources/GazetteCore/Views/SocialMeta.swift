import GazetteMustache

/// OpenGraph and Twitter card tags: what a link shows when it is shared.
struct SocialMeta {
    let context: SiteContext

    /// What a page shows when shared: `image(of:)`, worked out once for all of a page's tags.
    typealias Image = (url: String, alt: String, isOwn: Bool)

    /// `{property, content}` pairs for `<meta property=... content=...>`.
    func openGraph(_ page: Page, title: String, description: String, image: Image?) -> [TemplateValue] {
        var tags: [(String, String)] = []
        switch page.kind {
        case .redirect, .notFound: return []
        default: break
        }
        let links = context.links
        let type: String
        switch page.kind {
        case .article: type = "article"
        case .author: type = "profile"
        default: type = "website"
        }
        tags += [("og:type", type), ("og:site_name", context.config.title), ("og:title", title)]
        if !description.isEmpty { tags.append(("og:description", description)) }
        tags.append(("og:url", links.absoluteURL(page.route)))
        if let locale = Self.locale(context.config.language) { tags.append(("og:locale", locale)) }
        if let image {
            tags.append(("og:image", image.url))
            if !image.alt.isEmpty { tags.append(("og:image:alt", image.alt)) }
        }
        if case .article(let i) = page.kind {
            let index = context.index
            tags.append(("article:published_time", DateFormats.rfc3339(index.times[i])))
            tags.append(("article:modified_time", DateFormats.rfc3339(index.modifiedTimes[i])))
            if let section = index.articleTopics[i].first { tags.append(("article:section", index.topics[section].name)) }
            for a in index.articleAuthors[i] { tags.append(("article:author", links.absoluteURL(index.authors[a].route))) }
            for t in index.articleTopics[i] { tags.append(("article:tag", index.topics[t].name)) }
        }
        return tags.map { .custom(MetaTag(key: "property", name: $0.0, content: $0.1)) }
    }

    /// `{name, content}` pairs for `<meta name=... content=...>`.
    func twitter(_ page: Page, title: String, description: String, image: Image?) -> [TemplateValue] {
        switch page.kind {
        case .redirect, .notFound: return []
        default: break
        }
        var tags: [(String, String)] = [("twitter:card", image?.isOwn == true ? "summary_large_image" : "summary"),
                                        ("twitter:title", title)]
        if !description.isEmpty { tags.append(("twitter:description", description)) }
        if let image {
            tags.append(("twitter:image", image.url))
            if !image.alt.isEmpty { tags.append(("twitter:image:alt", image.alt)) }
        }
        return tags.map { .custom(MetaTag(key: "name", name: $0.0, content: $0.1)) }
    }

    /// The article's own image on its page; elsewhere the publisher's logo, when there is one.
    func image(of page: Page) -> Image? {
        if case .article(let i) = page.kind, let url = Self.imageURL(of: i, context) {
            return (url, context.index.articles[i].image?.alt ?? "", true)
        }
        return context.config.publisher.logo.map { (context.links.absoluteURL(of: $0), context.config.publisherName, false) }
    }

    /// The absolute URL of article `i`'s image, when it has one with a `src`.
    static func imageURL(of i: Int, _ context: SiteContext) -> String? {
        guard let src = context.index.articles[i].image?.src, !src.isEmpty else { return nil }
        return context.links.absoluteURL(of: src, from: context.index.routes[i])
    }

    /// `en-GB` → `en_GB`, as OpenGraph writes locales; nil for a language without a region (`en`).
    static func locale(_ language: String) -> String? {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard parts.count >= 2 else { return nil }
        return parts[0].lowercased() + "_" + parts[1].uppercased()
    }
}

/// One `<meta>` tag for templates: its name under `key` (`property` or `name`) and its `content`. An
/// object rather than a dictionary: a page has a dozen or more, and a dictionary hashes every key twice.
final class MetaTag: TemplateObject {
    let key: String
    let name: String
    let content: String

    init(key: String, name: String, content: String) {
        self.key = key
        self.name = name
        self.content = content
    }

    func value(forKey key: String) -> TemplateValue? {
        key == "content" ? .string(content) : key == self.key ? .string(name) : nil
    }
}
