import GazetteMustache

/// An article for templates, computed field by field as the template asks (list pages use a few fields only).
final class ArticleView: TemplateObject {
    let context: SiteContext
    let i: Int
    /// The body as HTML: on the article's own page only.
    let content: String?
    /// On the article's own page: only there are its neighbours and related coverage shown (and part of
    /// the page's fingerprint). A list item or a redirect shows the article's own fields.
    let isOwnPage: Bool

    init(_ context: SiteContext, _ i: Int, content: String? = nil, isOwnPage: Bool = false) {
        self.context = context
        self.i = i
        self.content = content
        self.isOwnPage = isOwnPage
    }

    func value(forKey key: String) -> TemplateValue? {
        let index = context.index
        // Read in place: a copy of the whole article for each key a template looks up is most of a lookup's cost.
        switch key {
        case "title": return .string(index.articles[i].title)
        case "url": return .string(context.links.url(index.routes[i]))
        case "permalink": return .string(context.links.absoluteURL(index.routes[i]))
        case "date": return .custom(DateView(index.times[i]))
        case "updated":
            guard index.articles[i].lastModified > index.articles[i].date else { return .null }
            return .custom(DateView(index.modifiedTimes[i]))
        case "summary": return .string(index.articles[i].summary)
        case "highlights": return .list(index.articles[i].highlights.map(TemplateValue.string))
        case "has_highlights": return .bool(!index.articles[i].highlights.isEmpty)
        case "dateline": return index.articles[i].dateline.map(TemplateValue.string) ?? .null
        case "image": return index.articles[i].image.map(Self.imageView) ?? .null
        case "short": return index.articles[i].short.map(TemplateValue.string) ?? .null
        case "topics": return .list(index.articleTopics[i].map { context.topicLinks[$0] })
        case "has_topics": return .bool(!index.articleTopics[i].isEmpty)
        case "section": return index.articleTopics[i].first.map { context.topicLinks[$0] } ?? .null
        case "word_count": return .int(index.articles[i].wordCount)
        case "reading_time": return .int(index.articles[i].readingMinutes)
        case "params": return .object(index.articles[i].params)
        case "content": return content.map(TemplateValue.string) ?? .null
        case "previous": return isOwnPage && i + 1 < index.articles.count ? link(to: i + 1) : .null
        case "next": return isOwnPage && i > 0 ? link(to: i - 1) : .null
        default: return newsroomValue(forKey: key)
        }
    }

    /// `{title, url}` of a neighbouring article.
    private func link(to j: Int) -> TemplateValue {
        ["title": .string(context.index.articles[j].title), "url": .string(context.links.url(context.index.routes[j]))]
    }

    private static func imageView(_ image: ArticleImage) -> TemplateValue {
        [
            "src": .string(image.src),
            "alt": .string(image.alt),
            "caption": image.caption.map(TemplateValue.string) ?? .null,
            "credit": image.credit.map(TemplateValue.string) ?? .null,
        ]
    }
}
