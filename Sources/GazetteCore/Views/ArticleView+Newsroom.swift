import GazetteMustache

extension ArticleView {
    /// Bylines, the short URL, corrections and related coverage.
    func newsroomValue(forKey key: String) -> TemplateValue? {
        let index = context.index
        switch key {
        case "authors":
            let authors = index.articleAuthors[i]
            return .list(zip(authors, BylineItem.separators(authors.count)).map { a, separator in
                .custom(BylineItem(author: context.authorLinks[a], separator: separator))
            })
        case "has_authors": return .bool(!index.articleAuthors[i].isEmpty)
        case "short_url":
            return index.articles[i].short.map { .string(context.links.absoluteURL(Redirect.shortRoute($0))) } ?? .null
        case "short_path": return index.articles[i].short.map { .string(context.links.url(Redirect.shortRoute($0))) } ?? .null
        case "modified": return .custom(DateView(index.modifiedTimes[i]))
        case "corrections":
            return .list(index.articles[i].corrections.map { correction in
                ["date": .custom(DateView(correction.date, zone: context.config.timeZone)), "text": .string(correction.text)]
            })
        case "has_corrections": return .bool(!index.articles[i].corrections.isEmpty)
        case "related": return isOwnPage ? .list(index.related[i].map { .custom(ArticleView(context, $0)) }) : .list([])
        case "has_related": return .bool(isOwnPage && !index.related[i].isEmpty)
        default: return nil
        }
    }
}
