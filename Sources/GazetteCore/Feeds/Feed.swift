import Foundation

/// One feed of the site: the whole archive's, a topic's or an author's, as RSS 2.0, Atom 1.0 or JSON Feed 1.1.
public struct Feed: Sendable {
    public enum Format: Sendable {
        case rss, atom, json
    }

    public var format: Format
    public var title: String
    /// The HTML page the feed follows.
    public var page: Route
    /// Where the feed itself is written.
    public var route: Route
    /// The newest articles, newest first, at most `feed_size`.
    public var articles: [Int]

    /// Every feed of the site: RSS, Atom and JSON Feed for the archive, each topic and each author.
    public static func all(for index: SiteIndex) -> [Feed] {
        let size = index.config.feedSize
        var feeds: [Feed] = []
        func add(_ title: String, _ page: Route, _ articles: [Int]) {
            feeds.append(Feed(format: .rss, title: title, page: page, route: page.file("feed.xml"), articles: articles))
            feeds.append(Feed(format: .atom, title: title, page: page, route: page.file("atom.xml"), articles: articles))
            feeds.append(Feed(format: .json, title: title, page: page, route: page.file("feed.json"), articles: articles))
        }
        add(index.config.title, .root, Array(index.articles.indices.prefix(size)))
        for topic in index.topics {
            add("\(topic.name) · \(index.config.title)", topic.route, Array(topic.articles.prefix(size)))
        }
        for author in index.authors {
            add("\(author.name) · \(index.config.title)", author.route, Array(author.articles.prefix(size)))
        }
        return feeds
    }
}
