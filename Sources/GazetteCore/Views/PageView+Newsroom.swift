import GazetteMustache

extension PageView {
    /// RSS, Atom and JSON Feed links of the feeds that follow the page at `route`, titled with `prefix`.
    func feedLinks(_ prefix: String, _ route: Route) -> [TemplateValue] {
        Self.feedLinks(prefix, route, context.links)
    }

    static func feedLinks(_ prefix: String, _ route: Route, _ links: Links) -> [TemplateValue] {
        Feed.Format.allCases.map { format in
            ["title": .string(prefix + format.label), "type": .string(format.mediaType),
             "url": .string(links.absoluteURL(route.file(format.fileName)))]
        }
    }

    /// The values of author pages and redirect pages.
    func newsroomKind(_ page: Page, _ values: inout [String: TemplateValue], title: inout String,
                      description: inout String, feeds: inout [TemplateValue]) {
        let index = context.index
        switch page.kind {
        case .authors:
            values["authors"] = .list(context.authorViews)
            title = "Authors"
        case .author(let a):
            let author = index.authors[a]
            values["author"] = context.authorViews[a]
            title = author.name
            description = author.profile?.bio ?? "\(Links.count(author.articles.count)) by \(author.name)"
            feeds = feedLinks("\(author.name) ", author.route) + feeds
        case .redirect(let r):
            let redirect = index.redirects[r]
            values["article"] = .custom(ArticleView(context, redirect.article))
            values["redirect"] = [
                "url": .string(context.links.url(index.routes[redirect.article])),
                "permalink": .string(context.links.absoluteURL(index.routes[redirect.article])),
                "is_short": .bool(redirect.kind == .short),
            ]
            title = index.articles[redirect.article].title
            description = ""
            feeds = []
        default:
            break
        }
    }

    /// `page` values every page gets beyond the basic ones: structured data, sharing tags, the short link,
    /// and for redirect pages the target as canonical URL and `robots: noindex`.
    func newsroomPageValues(_ page: Page, title: String, description: String) -> [String: TemplateValue] {
        let index = context.index
        var values: [String: TemplateValue] = [:]
        let social = SocialMeta(context: context)
        let image = social.image(of: page)
        values["opengraph"] = .list(social.openGraph(page, title: title, description: description, image: image))
        values["twitter"] = .list(social.twitter(page, title: title, description: description, image: image))
        values["json_ld"] = StructuredData(context: context, planner: planner)
            .document(for: page, title: title, description: description, articleImage: image?.isOwn == true ? image?.url : nil)
            .map { .string($0.serialized()) } ?? .null
        switch page.kind {
        case .article(let i):
            if let short = index.articles[i].short {
                values["shortlink"] = .string(context.links.absoluteURL(Redirect.shortRoute(short)))
            }
        case .redirect(let r):
            values["canonical"] = .string(context.links.absoluteURL(index.routes[index.redirects[r].article]))
            values["robots"] = "noindex"
        case .notFound:
            values["robots"] = "noindex"
        default:
            break
        }
        return values
    }
}
