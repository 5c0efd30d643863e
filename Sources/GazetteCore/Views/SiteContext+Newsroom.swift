import GazetteMustache

extension SiteContext {
    /// The `{{site}}` values of bylines, topics, JSON Feed and the publisher.
    static func newsroomSiteValues(_ index: SiteIndex, _ links: Links) -> [String: TemplateValue] {
        let config = index.config
        return [
            "json_feed_url": .string(links.absoluteURL(.file(Feed.Format.json.fileName))),
            "authors_url": index.authors.isEmpty ? .null : .string(links.url(Author.indexRoute)),
            "has_authors": .bool(!index.authors.isEmpty),
            "has_topics": .bool(!index.topics.isEmpty),
            "publisher": [
                "name": .string(config.publisherName),
                "logo": config.publisher.logo.map { .string(links.url(of: $0)) } ?? .null,
            ],
        ]
    }

    /// An author for templates: `name`, `slug`, `url`, `count`, `bio`, `link` and the feeds.
    static func authorView(_ author: Author, links: Links) -> TemplateValue {
        [
            "name": .string(author.name),
            "slug": .string(author.slug),
            "url": .string(links.url(author.route)),
            "permalink": .string(links.absoluteURL(author.route)),
            "count": .int(author.articles.count),
            "count_label": .string(Links.count(author.articles.count)),
            "bio": author.profile?.bio.map(TemplateValue.string) ?? .null,
            "link": author.profile?.link.map { .string(links.url(of: $0)) } ?? .null,
            "rss_url": .string(links.absoluteURL(author.route.file(Feed.Format.rss.fileName))),
            "atom_url": .string(links.absoluteURL(author.route.file(Feed.Format.atom.fileName))),
            "json_url": .string(links.absoluteURL(author.route.file(Feed.Format.json.fileName))),
        ]
    }
}

/// One name of a byline: the author's values, and `separator`, the text to write before the name
/// (`""`, `", "` or `" and "`), so that `By {{#authors}}{{separator}}{{name}}{{/authors}}` reads well.
final class BylineItem: TemplateObject {
    let author: TemplateValue
    let separator: String

    init(author: TemplateValue, separator: String) {
        self.author = author
        self.separator = separator
    }

    func value(forKey key: String) -> TemplateValue? {
        key == "separator" ? .string(separator) : author.value(forKey: key)
    }

    static func separators(_ count: Int) -> [String] {
        (0..<count).map { n in n == 0 ? "" : n == count - 1 ? " and " : ", " }
    }
}
