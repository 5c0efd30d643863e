/// One HTML page to render: where it goes, what it shows and with which template.
public struct Page: Sendable {
    public enum Kind: Sendable, Equatable {
        case article(Int)
        case home
        case topics
        case topic(Int)
        case archive
        case archiveYear(Int)
        /// A year's index in `SiteIndex.years`, then the month's index in that year.
        case archiveMonth(Int, Int)
        /// `/authors/`, and an author's pages (an index into `SiteIndex.authors`).
        case authors
        case author(Int)
        /// A short URL's or an alias's page (an index into `SiteIndex.redirects`).
        case redirect(Int)
        case notFound
        case search
    }

    public var route: Route
    public var kind: Kind
    /// The name of the template in `Templates/` (`article`, `topic` …).
    public var template: String
    /// The slice of the page kind's article list this page shows, for list pages.
    public var pagination: Pagination?
}

/// Which page of a paginated list this is.
public struct Pagination: Sendable, Equatable {
    /// 1-based.
    public var number: Int
    public var total: Int
    /// Positions in the list's article indexes that this page shows.
    public var range: Range<Int>
    /// The route of the first page; page n is at `first/page/n/`.
    public var first: Route

    public func route(of number: Int) -> Route {
        number == 1 ? first : first.appending("page", String(number))
    }
}
