/// The pages of bylines and redirects.
extension PagePlanner {

    /// `/authors/`, each author's paginated pages, and a redirect page for every short URL and alias.
    func newsroomPages() -> [Page] {
        var pages: [Page] = []
        if !index.authors.isEmpty {
            pages.append(Page(route: Author.indexRoute, kind: .authors, template: "authors"))
        }
        for (a, author) in index.authors.enumerated() {
            pages += paginate(.author(a), template: "author", first: author.route, count: author.articles.count)
        }
        pages += index.redirects.enumerated().map { Page(route: $1.route, kind: .redirect($0), template: "redirect") }
        return pages
    }

    /// Two articles on one URL, or two articles with one short id: the index names both files already.
    func reportedByIndex(_ a: Page, _ b: Page) -> Bool {
        switch (a.kind, b.kind) {
        case (.article, .article): return true
        case (.redirect(let r), .redirect(let s)): return index.redirects[r].kind == .short && index.redirects[s].kind == .short
        default: return false
        }
    }

    /// The article file a page comes from, for diagnostics.
    func sourceFile(_ page: Page) -> String? {
        switch page.kind {
        case .article(let i): return index.articles[i].source.displayPath
        case .redirect(let r): return index.articles[index.redirects[r].article].source.displayPath
        default: return nil
        }
    }

    /// "the short URL /s/ab12/ of Content/x.md", "the alias /old/ of Content/x.md".
    func describeNewsroom(_ page: Page) -> String? {
        guard case .redirect(let r) = page.kind else { return nil }
        let redirect = index.redirects[r]
        let file = index.articles[redirect.article].source.displayPath
        switch redirect.kind {
        case .short: return "the short URL \(redirect.route.path) of \(file)"
        case .alias: return "the alias \(redirect.route.path) of \(file)"
        }
    }
}
