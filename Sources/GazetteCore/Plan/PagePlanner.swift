/// Decides every HTML page of the site: its route, its kind and its template.
public struct PagePlanner: Sendable {
    public let index: SiteIndex

    public init(index: SiteIndex) {
        self.index = index
    }

    public func pages() -> [Page] {
        var pages: [Page] = index.routes.enumerated().map { Page(route: $1, kind: .article($0), template: "article") }
        pages += paginate(.home, template: "home", first: .root, count: index.articles.count)
        pages.append(Page(route: Route(["topics"]), kind: .topics, template: "topics"))
        for (i, topic) in index.topics.enumerated() {
            pages += paginate(.topic(i), template: "topic", first: topic.route, count: topic.articles.count)
        }
        pages.append(Page(route: Route(["archive"]), kind: .archive, template: "archive"))
        for (y, year) in index.years.enumerated() {
            pages += paginate(.archiveYear(y), template: "archive-year", first: year.route, count: year.articles.count)
            for (m, month) in year.months.enumerated() {
                pages += paginate(.archiveMonth(y, m), template: "archive-month", first: month.route, count: month.articles.count)
            }
        }
        pages += newsroomPages()
        pages.append(Page(route: .file("404.html"), kind: .notFound, template: "404"))
        if index.config.search { pages.append(Page(route: Route(["search"]), kind: .search, template: "search")) }
        return pages
    }

    func paginate(_ kind: Page.Kind, template: String, first: Route, count: Int) -> [Page] {
        let size = index.config.pageSize
        let total = max(1, (count + size - 1) / size)
        return (1...total).map { number in
            let pagination = Pagination(number: number, total: total,
                                        range: ((number - 1) * size)..<min(count, number * size), first: first)
            return Page(route: pagination.route(of: number), kind: kind, template: template, pagination: pagination)
        }
    }

    /// Pages that would be written to one file: an article whose URL is also a list page's, say.
    ///
    /// - Parameter paths: each page's `route.outputPath`, in the order of `pages`.
    public func clashes(in pages: [Page], paths: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (p, first) in repeats(in: paths, hash: StableHash.of) {
            let key = paths[p], page = pages[p]
            if reportedByIndex(pages[first], page) { continue }
            let names = [pages[first], page].map(describe)
            let file = [pages[first], page].compactMap(sourceFile).first ?? "site.yml"
            diagnostics.append(.error("\(names[0]) and \(names[1]) would both be written to \(key)", in: file))
        }
        return diagnostics
    }

    /// Pages written where one of the build's other files goes: a feed, a sitemap, `robots.txt`, the
    /// theme's assets or the search index (`aliases: [/robots.txt]`, a permalink like `/:slug.xml/`).
    func clashes(of pages: [Page], paths: [String], withFiles files: Set<String>, reserved: (String) -> Bool) -> [Diagnostic] {
        zip(pages, paths).compactMap { page, path in
            guard files.contains(path) || reserved(path) else { return nil }
            let file = sourceFile(page) ?? "site.yml"
            return .error("\(describe(page)) would be written to \(path), which the build writes for itself", in: file)
        }
    }

    private func describe(_ page: Page) -> String {
        if case .article(let i) = page.kind { return "the article of \(index.articles[i].source.displayPath)" }
        return describeNewsroom(page) ?? "the page \(page.route.path)"
    }

    /// The article indexes a page of a list shows, newest first.
    public func articles(of kind: Page.Kind, in range: Range<Int>) -> [Int] {
        switch kind {
        case .home: return Array(range)
        case .topic(let t): return Array(index.topics[t].articles[range])
        case .archiveYear(let y): return Array(index.years[y].articles[range])
        case .archiveMonth(let y, let m): return Array(index.years[y].months[m].articles[range])
        case .author(let a): return Array(index.authors[a].articles[range])
        default: return []
        }
    }
}
