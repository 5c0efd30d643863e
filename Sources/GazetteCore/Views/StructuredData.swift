import Foundation

/// schema.org JSON-LD for a page: `NewsArticle` and its breadcrumbs on article pages, `WebSite` on the
/// home page, `CollectionPage` (with the articles it lists) and `BreadcrumbList` on list pages.
///
/// Serialised with `JSONValue`, whose text cannot end the `<script>` element it is put in.
struct StructuredData {
    let context: SiteContext
    let planner: PagePlanner

    private var index: SiteIndex { context.index }
    private var links: Links { context.links }

    /// The page's JSON-LD document, or nil for pages that have none (redirects, 404).
    ///
    /// - Parameter articleImage: an article page's own image, as an absolute URL (`SocialMeta.imageURL`).
    func document(for page: Page, title: String, description: String, articleImage: String?) -> JSONValue? {
        var graph: [JSONValue] = []
        switch page.kind {
        case .article(let i):
            graph.append(newsArticle(i, image: articleImage))
            var trail = [(context.config.title, Route.root)]
            if let t = index.articleTopics[i].first { trail.append((index.topics[t].name, index.topics[t].route)) }
            trail.append((index.articles[i].title, index.routes[i]))
            graph.append(breadcrumbs(trail))
        case .home where page.pagination?.number ?? 1 == 1:
            graph.append(webSite())
            graph.append(collection(page, title: context.config.title, description: description))
        case .redirect, .notFound:
            return nil
        default:
            graph.append(collection(page, title: title, description: description))
            let trail = self.trail(page, title: title)
            if trail.count > 1 { graph.append(breadcrumbs(trail)) }
        }
        return .object([("@context", .string("https://schema.org")), ("@graph", .array(graph))])
    }

    /// `NewsArticle` with what Google News and other readers look for.
    func newsArticle(_ i: Int, image: String?) -> JSONValue {
        let article = index.articles[i]
        let zone = context.config.timeZone
        let permalink = links.absoluteURL(index.routes[i])
        let topics = index.articleTopics[i].map { index.topics[$0].name }
        var authors: [JSONValue] = index.articleAuthors[i].map { a in
            let author = index.authors[a]
            return .fields(["@type": .string("Person"), "name": .string(author.name),
                            "url": .string(links.absoluteURL(author.route))])
        }
        if authors.isEmpty { authors = [publisher()] }  // wire copy without a byline: the publisher stands for it
        return .fields([
            "@type": .string("NewsArticle"),
            "@id": .string(permalink + "#article"),
            "headline": .string(article.title),
            "description": article.summary.isEmpty ? nil : .string(article.summary),
            "url": .string(permalink),
            "mainEntityOfPage": .fields(["@type": .string("WebPage"), "@id": .string(permalink)]),
            "datePublished": .string(DateFormats.rfc3339(index.times[i])),
            "dateModified": .string(DateFormats.rfc3339(index.modifiedTimes[i])),
            "author": .array(authors),
            "publisher": publisher(),
            "image": image.map { .array([.string($0)]) },
            "articleSection": topics.first.map(JSONValue.string),
            "keywords": topics.isEmpty ? nil : .array(topics.map(JSONValue.string)),
            "dateline": article.dateline.map(JSONValue.string),
            "inLanguage": .string(context.config.language),
            "wordCount": .int(article.wordCount),
            "correction": article.corrections.isEmpty ? nil : .array(article.corrections.map { correction in
                .fields(["@type": .string("CorrectionComment"), "text": .string(correction.text),
                         "datePublished": .string(DateFormats.rfc3339(CivilTime(correction.date, in: zone)))])
            }),
        ])
    }

    /// The publisher: `publisher.name` (default: the site's title) and `publisher.logo` from `site.yml`.
    func publisher() -> JSONValue {
        .fields([
            "@type": .string("Organization"),
            "name": .string(context.config.publisherName),
            "url": .string(links.absoluteURL(.root)),
            "logo": context.config.publisher.logo.map { logo in
                .fields(["@type": .string("ImageObject"), "url": .string(links.absoluteURL(of: logo))])
            },
        ])
    }

    private func webSite() -> JSONValue {
        .fields([
            "@type": .string("WebSite"),
            "@id": .string(links.absoluteURL(.root) + "#website"),
            "name": .string(context.config.title),
            "description": context.config.description.isEmpty ? nil : .string(context.config.description),
            "url": .string(links.absoluteURL(.root)),
            "inLanguage": .string(context.config.language),
            "publisher": publisher(),
        ])
    }

    /// A list page, with the articles it shows as an `ItemList`.
    private func collection(_ page: Page, title: String, description: String) -> JSONValue {
        let shown = page.pagination.map { planner.articles(of: page.kind, in: $0.range) } ?? []
        var about: JSONValue?
        if case .author(let a) = page.kind {
            let author = index.authors[a]
            about = .fields(["@type": .string("Person"), "name": .string(author.name),
                             "description": author.profile?.bio.map(JSONValue.string),
                             "sameAs": author.profile?.link.map { .string(links.absoluteURL(of: $0)) }])
        }
        return .fields([
            "@type": .string("CollectionPage"),
            "name": .string(title),
            "description": description.isEmpty ? nil : .string(description),
            "url": .string(links.absoluteURL(page.route)),
            "isPartOf": .fields(["@type": .string("WebSite"), "name": .string(context.config.title),
                                 "url": .string(links.absoluteURL(.root))]),
            "about": about,
            "mainEntity": shown.isEmpty ? nil : .fields([
                "@type": .string("ItemList"),
                "itemListElement": .array(shown.enumerated().map { n, i in
                    .fields(["@type": .string("ListItem"), "position": .int(n + 1),
                             "url": .string(links.absoluteURL(index.routes[i])), "name": .string(index.articles[i].title)])
                }),
            ]),
        ])
    }

    /// Where a list page sits: Home › Topics › Economy, Home › Archive › 2025 › November …
    private func trail(_ page: Page, title: String) -> [(String, Route)] {
        var trail = [(context.config.title, Route.root)]
        switch page.kind {
        case .topics: trail.append(("Topics", Route(["topics"])))
        case .topic(let t): trail += [("Topics", Route(["topics"])), (index.topics[t].name, index.topics[t].route)]
        case .archive: trail.append(("Archive", Route(["archive"])))
        case .archiveYear(let y): trail += [("Archive", Route(["archive"])), (String(index.years[y].year), index.years[y].route)]
        case .archiveMonth(let y, let m):
            let month = index.years[y].months[m]
            trail += [("Archive", Route(["archive"])), (String(index.years[y].year), index.years[y].route),
                      (DateFormats.monthNames[month.month - 1], month.route)]
        case .authors: trail.append(("Authors", Author.indexRoute))
        case .author(let a): trail += [("Authors", Author.indexRoute), (index.authors[a].name, index.authors[a].route)]
        default: break
        }
        if let pagination = page.pagination, pagination.number > 1 { trail.append(("Page \(pagination.number)", page.route)) }
        return trail
    }

    private func breadcrumbs(_ trail: [(String, Route)]) -> JSONValue {
        .fields([
            "@type": .string("BreadcrumbList"),
            "itemListElement": .array(trail.enumerated().map { n, step in
                .fields(["@type": .string("ListItem"), "position": .int(n + 1), "name": .string(step.0),
                         "item": .string(links.absoluteURL(step.1))])
            }),
        ])
    }
}
