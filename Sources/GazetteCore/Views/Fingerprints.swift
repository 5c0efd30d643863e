/// A hash of everything a page or feed shows, so that an incremental build renders only the pages whose
/// fingerprint changed. The rule that keeps this honest: whatever a view in this folder puts in front of a
/// template must be hashed here too (the tests compare incremental builds with cold builds byte for byte).
struct Fingerprints: Sendable {
    let context: SiteContext
    /// Settings and templates: a change there changes every page.
    let site: UInt64
    /// Each article as lists show it, hashed once per build: an article appears on many list pages
    /// (home, topics, authors, archives, related), which combine these instead of hashing it again.
    private let articles: [UInt64]

    /// - Parameters:
    ///   - settings: a hash of `site.yml`, the templates and the options that reach the views.
    init(context: SiteContext, settings: UInt64) {
        self.context = context
        var hash = StableHash()
        hash.combine(settings)
        for t in context.topTopics { hash.combine(context.index.topics[t].slug); hash.combine(context.index.topics[t].name) }
        hash.combine(context.index.authors.isEmpty ? 0 : 1)
        hash.combine(context.index.topics.isEmpty ? 0 : 1)
        hash.combine(CivilTime(context.buildTime, in: context.config.timeZone).year)
        site = hash.value
        let index = context.index
        articles = parallelMap(index.articles.count) { Self.articleHash($0, in: index) }
    }

    private var index: SiteIndex { context.index }

    /// Routes go in by their encoded path: kept with the route, and as distinct as the path.
    func page(_ page: Page) -> UInt64 {
        var hash = StableHash()
        hash.combine(site)
        hash.combine(page.template)
        hash.combine(page.route.encodedPath)
        switch page.kind {
        case .article(let i):
            article(i, into: &hash)
            for neighbour in [i + 1, i - 1] where index.articles.indices.contains(neighbour) {
                hash.combine(index.articles[neighbour].title)
                hash.combine(index.routes[neighbour].encodedPath)
            }
            for related in index.related[i] { article(related, into: &hash) }
        case .authors:
            for author in index.authors { authorSummary(author, into: &hash) }
        case .author(let a):
            authorSummary(index.authors[a], into: &hash)
        case .redirect(let r):
            article(index.redirects[r].article, into: &hash)
        case .topics:
            for topic in index.topics { topicSummary(topic, into: &hash) }
        case .topic(let t):
            topicSummary(index.topics[t], into: &hash)
        case .archive:
            for year in index.years { yearSummary(year, into: &hash) }
        case .archiveYear(let y):
            yearSummary(index.years[y], into: &hash)
        case .archiveMonth(let y, let m):
            yearSummary(index.years[y], into: &hash)
            hash.combine(index.years[y].months[m].month)
        case .home, .notFound, .search:
            break
        }
        if let pagination = page.pagination {
            hash.combine(pagination.number)
            hash.combine(pagination.total)
            for i in PagePlanner(index: index).articles(of: page.kind, in: pagination.range) { article(i, into: &hash) }
        }
        return hash.value
    }

    /// The search index: every article as a result shows it and a query finds it.
    func search() -> UInt64 {
        var hash = StableHash()
        hash.combine(site)
        hash.combine(SearchIndexLayout.format)
        for i in index.articles.indices { article(i, into: &hash) }
        return hash.value
    }

    /// A file of the search index's result list (`search/docs/N.json`): the articles it shows and
    /// their topics' numbers, so that an edit rewrites one such file rather than all of them.
    func searchDocuments(_ articles: Range<Int>) -> UInt64 {
        var hash = StableHash()
        hash.combine(site)
        hash.combine(SearchIndexLayout.format)
        hash.combine(articles.lowerBound)
        hash.combine(articles.upperBound)
        for i in articles {
            article(i, into: &hash)
            for t in index.articleTopics[i] { hash.combine(t) }
        }
        return hash.value
    }

    func feed(_ feed: Feed) -> UInt64 {
        var hash = StableHash()
        hash.combine(site)
        hash.combine(feed.route.encodedPath)
        hash.combine(feed.title)
        for i in feed.articles { article(i, into: &hash) }
        // An empty feed's updated time is the build's.
        if feed.articles.isEmpty { hash.combine(context.buildTime.timeIntervalSince1970.bitPattern) }
        return hash.value
    }

    /// An article as list items and feeds show it: its file, its URL, and the names its topics and
    /// authors go by (the spelling most articles use, so another file can change them).
    private func article(_ i: Int, into hash: inout StableHash) {
        hash.combine(articles[i])
    }

    private static func articleHash(_ i: Int, in index: SiteIndex) -> UInt64 {
        var hash = StableHash()
        hash.combine(index.articles[i].source.contentHash)
        hash.combine(index.routes[i].encodedPath)
        for t in index.articleTopics[i] { hash.combine(index.topics[t].name) }
        for a in index.articleAuthors[i] { hash.combine(index.authors[a].name) }
        return hash.value
    }

    private func authorSummary(_ author: Author, into hash: inout StableHash) {
        hash.combine(author.slug)
        hash.combine(author.name)
        hash.combine(author.articles.count)
    }

    private func topicSummary(_ topic: Topic, into hash: inout StableHash) {
        hash.combine(topic.slug)
        hash.combine(topic.name)
        hash.combine(topic.articles.count)
    }

    private func yearSummary(_ year: ArchiveYear, into hash: inout StableHash) {
        hash.combine(year.year)
        hash.combine(year.articles.count)
        for month in year.months {
            hash.combine(month.month)
            hash.combine(month.articles.count)
        }
    }
}
