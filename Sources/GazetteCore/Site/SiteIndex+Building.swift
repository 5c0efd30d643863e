import Foundation

extension SiteIndex {
    /// Orders the articles and groups them; two articles with one URL or one short id are errors naming both files.
    ///
    /// - Parameters:
    ///   - articles: the published articles, in any order.
    ///   - config: the site's settings (time zone and permalink pattern).
    /// - Returns: the index, and the diagnostics of clashes (when there are any, the index is not usable).
    public static func build(_ articles: [Article], config: SiteConfig) -> (SiteIndex, [Diagnostic]) {
        build(articles, published: Array(articles.indices), config: config)
    }

    /// The index of `all[published]`: the build's loaded articles and the positions of those it
    /// publishes, so that the articles are copied once, in their order.
    ///
    /// - Parameter previousRelated: the last build's related lists (`NewsroomIndex.relatedMemo`), reused
    ///   when the articles' dates and topics are the same.
    static func build(_ all: [Article], published: [Int], config: SiteConfig,
                      previousRelated: RelatedArticles.Memo? = nil) -> (SiteIndex, [Diagnostic]) {
        // Numbers are sorted, not the articles themselves, by dates read once: each article's fields are an
        // object of their own, and comparisons reading them there walked the heap (half of the sort's time
        // at 100,000 articles). Titles and paths only break ties.
        let dates = published.map { all[$0].date }
        let order = Array(published.indices).sorted { a, b in
            if dates[a] != dates[b] { return dates[a] > dates[b] }
            let i = published[a], j = published[b]
            if all[i].title != all[j].title { return all[i].title < all[j].title }
            return all[i].source.displayPath < all[j].source.displayPath
        }.map { published[$0] }
        let articles = parallelMap(order.count) { all[order[$0]] }  // a copy is one retain of its shared fields
        let zone = config.timeZone, permalink = config.permalink
        let times = parallelMap(articles.count) { CivilTime(articles[$0].date, in: zone) }
        let routes = parallelMap(articles.count) { permalink.route(slug: articles[$0].slug, time: times[$0]) }
        var diagnostics = clashes(articles, routes: routes)

        var topicGroups = NameGroups()
        for i in articles.indices {
            for name in topicGroups.add(articles[i].topics) {
                diagnostics.append(.error("topic '\(name)' has no letters or digits to make a URL from", in: articles[i].source.displayPath))
            }
        }
        let (groups, articleTopics) = topicGroups.sorted()
        let topics = groups.map { Topic(name: $0.name, slug: $0.slug, articles: $0.articles) }

        var years: [ArchiveYear] = []
        for (i, time) in times.enumerated() {
            if years.last?.year != time.year {
                years.append(ArchiveYear(year: time.year, months: [], articles: []))
            }
            years[years.count - 1].articles.append(i)
            if years[years.count - 1].months.last?.month != time.month {
                years[years.count - 1].months.append(ArchiveMonth(year: time.year, month: time.month, articles: []))
            }
            years[years.count - 1].months[years[years.count - 1].months.count - 1].articles.append(i)
        }
        let newsroom = NewsroomIndex.build(articles, topics: topics, articleTopics: articleTopics, config: config,
                                           previousRelated: previousRelated)
        let index = SiteIndex(config: config, articles: articles, routes: routes, times: times, topics: topics,
                              articleTopics: articleTopics, years: years, newsroom: newsroom)
        return (index, diagnostics)
    }

    private static func clashes(_ articles: [Article], routes: [Route]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let routeOwners = Dictionary(uniqueKeysWithValues: repeats(in: routes) { route in
            var hash = StableHash()
            hash.combine(route.encodedPath)
            hash.combine(route.isFile ? 1 : 0)
            return hash.value
        })
        var shortOwners: [String: Int] = [:]
        for i in articles.indices {
            if let first = routeOwners[i] {
                diagnostics.append(.error(
                    "URL \(routes[i].path) is claimed by both \(articles[first].source.displayPath) and \(articles[i].source.displayPath); give one a different 'slug'",
                    in: articles[i].source.displayPath))
            }
            if let short = articles[i].short {
                if let first = shortOwners[short] {
                    diagnostics.append(.error(
                        "short id '\(short)' is claimed by both \(articles[first].source.displayPath) and \(articles[i].source.displayPath)",
                        in: articles[i].source.displayPath))
                } else {
                    shortOwners[short] = i
                }
            }
        }
        return diagnostics
    }
}
