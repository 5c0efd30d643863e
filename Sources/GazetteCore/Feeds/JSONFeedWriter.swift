import Foundation

/// Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same articles as the RSS and Atom
/// feeds beside it, each with its HTML body, summary, dates, authors and topics.
struct JSONFeedWriter {
    let context: SiteContext

    static let version = "https://jsonfeed.org/version/1.1"

    func render(_ feed: Feed, body: (Int) -> String) -> [UInt8] {
        let index = context.index
        let links = context.links
        let items: [JSONValue] = feed.articles.map { i in
            let article = index.articles[i]
            let permalink = links.absoluteURL(index.routes[i])
            let authors = index.articleAuthors[i].map { a in
                JSONValue.fields(["name": .string(index.authors[a].name), "url": .string(links.absoluteURL(index.authors[a].route))])
            }
            let tags = index.articleTopics[i].map { JSONValue.string(index.topics[$0].name) }
            return .fields([
                "id": .string(permalink),
                "url": .string(permalink),
                "title": .string(article.title),
                "content_html": .string(body(i)),
                "summary": article.summary.isEmpty ? nil : .string(article.summary),
                "image": SocialMeta.imageURL(of: i, context).map(JSONValue.string),
                "date_published": .string(DateFormats.rfc3339(index.times[i])),
                "date_modified": .string(DateFormats.rfc3339(index.modifiedTimes[i])),
                "authors": authors.isEmpty ? nil : .array(authors),
                "tags": tags.isEmpty ? nil : .array(tags),
                "language": .string(index.config.language),
            ])
        }
        let document = JSONValue.fields([
            "version": .string(Self.version),
            "title": .string(feed.title),
            "home_page_url": .string(links.absoluteURL(feed.page)),
            "feed_url": .string(links.absoluteURL(feed.route)),
            "description": index.config.description.isEmpty ? nil : .string(index.config.description),
            "icon": index.config.publisher.logo.map { .string(links.absoluteURL(of: $0)) },
            "language": .string(index.config.language),
            "authors": .array([.fields(["name": .string(index.config.publisherName), "url": .string(links.absoluteURL(.root))])]),
            "items": .array(items),
        ])
        return document.bytes(indent: 2, scriptSafe: false) + [UInt8(ascii: "\n")]
    }
}
