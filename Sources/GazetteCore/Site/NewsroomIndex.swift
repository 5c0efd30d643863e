import Foundation

/// The parts of the index a news archive needs beyond topics and dates: bylines, the redirects of
/// short URLs and old URLs, and each article's related coverage.
public struct NewsroomIndex: Sendable {
    /// Authors in alphabetical order of their slugs.
    public let authors: [Author]
    /// `articleAuthors[i]` indexes `authors` for article `i`, in the byline's order.
    public let articleAuthors: [[Int]]
    /// Every short URL and alias, in article order.
    public let redirects: [Redirect]
    /// `related[i]`: article `i`'s related articles, best first (see `RelatedArticles`).
    public var related: [[Int]] { relatedMemo.lists }
    /// The related lists with what they were made from, for the next build.
    let relatedMemo: RelatedArticles.Memo

    /// Groups the bylines and collects the redirects of `articles` (in index order).
    ///
    /// - Parameter previousRelated: the last build's related lists, taken when made from the same dates
    ///   and topics.
    static func build(_ articles: [Article], topics: [Topic], articleTopics: [[Int]],
                      config: SiteConfig, previousRelated: RelatedArticles.Memo? = nil) -> NewsroomIndex {
        var authorGroups = NameGroups()
        var redirects: [Redirect] = []
        for i in articles.indices {  // by index: a copy of each article costs more than what is read of it
            _ = authorGroups.add(articles[i].authors)  // a byline with no letters has no page; it stays on the article
            if let short = articles[i].short { redirects.append(Redirect(route: Redirect.shortRoute(short), article: i, kind: .short)) }
            redirects += articles[i].aliases.map { Redirect(route: $0, article: i, kind: .alias) }
        }
        let (groups, articleAuthors) = authorGroups.sorted()
        let authors = groups.map { group in
            // site.yml's spelling wins over the one most articles use.
            let profile = config.authorProfiles[group.slug]
            return Author(name: profile?.name ?? group.name, slug: group.slug, profile: profile, articles: group.articles)
        }
        let related = RelatedArticles.compute(dates: articles.map(\.date), topicArticles: topics.map(\.articles),
                                              articleTopics: articleTopics, reusing: previousRelated)
        return NewsroomIndex(authors: authors, articleAuthors: articleAuthors, redirects: redirects, relatedMemo: related)
    }
}

/// A byline: the name shown, its URL slug, what `site.yml` says about it, and its articles.
public struct Author: Sendable {
    public var name: String
    public let slug: String
    public var profile: AuthorProfile?
    /// Indexes into `SiteIndex.articles`, ascending, so newest first.
    public var articles: [Int]
    public let route: Route

    public init(name: String, slug: String, profile: AuthorProfile?, articles: [Int]) {
        self.name = name
        self.slug = slug
        self.profile = profile
        self.articles = articles
        route = Route(["authors", slug])
    }
    public static let indexRoute = Route(["authors"])
}

/// A page that sends readers on to an article: its short URL or one of its old URLs.
public struct Redirect: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case short, alias
    }

    public var route: Route
    public var article: Int
    public var kind: Kind

    /// `/s/<id>/`.
    public static func shortRoute(_ id: String) -> Route { Route(["s", id]) }
}

extension SiteIndex {
    public var authors: [Author] { newsroom.authors }
    public var articleAuthors: [[Int]] { newsroom.articleAuthors }
    public var redirects: [Redirect] { newsroom.redirects }
    public var related: [[Int]] { newsroom.related }
}
