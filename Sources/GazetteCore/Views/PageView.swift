import GazetteMustache

/// Builds the root value a page's template renders: `{{site}}`, `{{page}}` and what the page kind shows.
struct PageView {
    let context: SiteContext
    let planner: PagePlanner
    /// The archive's feeds, which every page links.
    private let siteFeeds: [TemplateValue]

    init(context: SiteContext) {
        self.context = context
        planner = PagePlanner(index: context.index)
        siteFeeds = Self.feedLinks("", .root, context.links)
    }

    /// The root value for `page`; `content` is the article body's HTML on article pages.
    func root(for page: Page, content: String? = nil) -> TemplateValue {
        let index = context.index
        let links = context.links
        var values: [String: TemplateValue] = ["site": context.site]
        var title = context.config.title
        var description = context.config.description
        var feeds = siteFeeds
        switch page.kind {
        case .article(let i):
            values["article"] = .custom(ArticleView(context, i, content: content, isOwnPage: true))
            title = index.articles[i].title
            description = index.articles[i].summary
        case .home:
            break
        case .topics:
            values["topics"] = .list(context.topicViews)
            title = "Topics"
        case .topic(let t):
            let topic = index.topics[t]
            values["topic"] = context.topicViews[t]
            title = topic.name
            description = "\(Links.count(topic.articles.count)) on \(topic.name)"
            feeds = feedLinks("\(topic.name) ", topic.route) + feeds
        case .archive:
            values["years"] = .list(index.years.map(yearView))
            title = "Archive"
        case .archiveYear(let y):
            values["year"] = yearView(index.years[y])
            title = "\(index.years[y].year)"
        case .archiveMonth(let y, let m):
            let month = index.years[y].months[m]
            values["year"] = yearView(index.years[y])
            values["month"] = monthView(month)
            title = "\(DateFormats.monthNames[month.month - 1]) \(month.year)"
        case .authors, .author, .redirect:
            newsroomKind(page, &values, title: &title, description: &description, feeds: &feeds)
        case .notFound:
            title = "Page not found"
        case .search:
            values["search"] = ["index_url": .string(links.url(Route(["search"])) + "meta.json")]
            title = "Search"
        }
        if let pagination = page.pagination {
            values["articles"] = .list(planner.articles(of: page.kind, in: pagination.range).map { .custom(ArticleView(context, $0)) })
            values["pagination"] = paginationView(pagination)
            if pagination.number > 1, page.kind != .home { title += " (page \(pagination.number))" }
            if pagination.number > 1, page.kind == .home { title = "Page \(pagination.number)" }
        }
        let pageValues: [String: TemplateValue] = [
            "title": .string(title),
            "description": .string(description),
            "url": .string(links.url(page.route)),
            "canonical": .string(links.absoluteURL(page.route)),
            "kind": .string(page.template),
            "is_home": .bool(page.kind == .home && (page.pagination?.number ?? 1) == 1),
            "feeds": .list(feeds),
        ]
        values["page"] = .object(pageValues.merging(newsroomPageValues(page, title: title, description: description)) { $1 })
        return .object(values)
    }

    private func yearView(_ year: ArchiveYear) -> TemplateValue {
        [
            "year": .int(year.year),
            "url": .string(context.links.url(year.route)),
            "count": .int(year.articles.count),
            "months": .list(year.months.map(monthView)),
        ]
    }

    private func monthView(_ month: ArchiveMonth) -> TemplateValue {
        [
            "year": .int(month.year),
            "month": .string(DateFormats.pad(month.month)),
            "name": .string(DateFormats.monthNames[month.month - 1]),
            "url": .string(context.links.url(month.route)),
            "count": .int(month.articles.count),
        ]
    }

    private func paginationView(_ p: Pagination) -> TemplateValue {
        let links = context.links
        return [
            "number": .int(p.number),
            "total": .int(p.total),
            "is_paginated": .bool(p.total > 1),
            "newer_url": p.number > 1 ? .string(links.url(p.route(of: p.number - 1))) : .null,
            "older_url": p.number < p.total ? .string(links.url(p.route(of: p.number + 1))) : .null,
            "first_url": .string(links.url(p.first)),
            "last_url": .string(links.url(p.route(of: p.total))),
        ]
    }
}
