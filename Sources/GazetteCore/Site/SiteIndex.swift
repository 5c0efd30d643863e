import Foundation

/// Every published article in order, with its route, and the groupings list pages need:
/// topics and years with their months. Built once per build and never changed.
public final class SiteIndex: Sendable {
    public let config: SiteConfig
    /// Newest first.
    public let articles: [Article]
    /// `routes[i]` is the page of `articles[i]`.
    public let routes: [Route]
    /// The wall-clock publication time of `articles[i]` in the site's zone.
    public let times: [CivilTime]
    /// The wall-clock time of `articles[i]`'s last change (`Article.lastModified`) in the site's zone.
    public let modifiedTimes: [CivilTime]
    /// `articles[i].lastModified`, found once: sitemaps, feeds and fingerprints ask for it again and again.
    private let lastModifiedDates: [Date]
    /// Topics in alphabetical order of their slugs.
    public let topics: [Topic]
    /// `articleTopics[i]` indexes `topics` for `articles[i]`, in the article's own order.
    public let articleTopics: [[Int]]
    /// Newest year first.
    public let years: [ArchiveYear]
    /// Authors, redirects and related articles.
    public let newsroom: NewsroomIndex

    init(config: SiteConfig, articles: [Article], routes: [Route], times: [CivilTime], topics: [Topic],
         articleTopics: [[Int]], years: [ArchiveYear], newsroom: NewsroomIndex) {
        self.config = config
        self.articles = articles
        self.routes = routes
        self.times = times
        let lastModifiedDates = articles.map(\.lastModified)
        self.lastModifiedDates = lastModifiedDates
        // Most articles never change after publication: their time is converted once, not twice.
        modifiedTimes = articles.indices.map { i in
            let modified = lastModifiedDates[i]
            return modified == articles[i].date ? times[i] : CivilTime(modified, in: config.timeZone)
        }
        self.topics = topics
        self.articleTopics = articleTopics
        self.years = years
        self.newsroom = newsroom
    }

    /// The time a reader would call "last changed" for article `i`.
    public func lastModified(_ i: Int) -> Date {
        lastModifiedDates[i]
    }

    /// Topics with the most articles first, for the masthead.
    public func topTopics(_ count: Int) -> [Int] {
        Array(topics.indices.sorted { (topics[$0].articles.count, topics[$1].slug) > (topics[$1].articles.count, topics[$0].slug) }
            .prefix(count))
    }
}

/// A topic: its display name, its URL slug and its articles, newest first.
public struct Topic: Sendable {
    public var name: String
    public let slug: String
    /// Indexes into `SiteIndex.articles`, ascending, so newest first.
    public var articles: [Int]
    public let route: Route

    public init(name: String, slug: String, articles: [Int]) {
        self.name = name
        self.slug = slug
        self.articles = articles
        route = Route(["topics", slug])
    }
}

/// A year of the archive, with its months (newest first).
public struct ArchiveYear: Sendable {
    public let year: Int
    public var months: [ArchiveMonth]
    /// Newest first.
    public var articles: [Int]
    public let route: Route

    public init(year: Int, months: [ArchiveMonth], articles: [Int]) {
        self.year = year
        self.months = months
        self.articles = articles
        route = Route(["archive", String(year)])
    }
}

public struct ArchiveMonth: Sendable {
    public let year: Int
    public let month: Int
    public var articles: [Int]
    public let route: Route

    public init(year: Int, month: Int, articles: [Int]) {
        self.year = year
        self.month = month
        self.articles = articles
        route = Route(["archive", String(year), DateFormats.pad(month)])
    }
}
