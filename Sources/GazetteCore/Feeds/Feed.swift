import Foundation

/// One feed of the site: the whole archive's, a topic's or an author's, as RSS 2.0, Atom 1.0 or JSON Feed 1.1.
public struct Feed: Sendable {
    public enum Format: Sendable, CaseIterable {
        case rss, atom, json

        /// The feed's file in the folder of the page it follows.
        public var fileName: String {
            switch self {
            case .rss: "feed.xml"
            case .atom: "atom.xml"
            case .json: "feed.json"
            }
        }

        public var mediaType: String {
            switch self {
            case .rss: "application/rss+xml"
            case .atom: "application/atom+xml"
            case .json: "application/feed+json"
            }
        }

        /// What a page calls it in its feed links.
        var label: String {
            switch self {
            case .rss: "RSS"
            case .atom: "Atom"
            case .json: "JSON Feed"
            }
        }
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
            for format in Format.allCases {
                feeds.append(Feed(format: format, title: title, page: page, route: page.file(format.fileName), articles: articles))
            }
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
