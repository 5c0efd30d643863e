import Foundation
import GazetteMustache

/// What every view model of one build shares: the index, the settings, and values computed once.
public final class SiteContext: Sendable {
    public let index: SiteIndex
    public let buildTime: Date
    let links: Links
    /// `{{site}}`: the same for every page.
    let site: TemplateValue
    /// Topic values with their article counts, for the topics index and topic pages.
    let topicViews: [TemplateValue]
    /// Topic values without counts, for article pages and the masthead: adding an article to a topic
    /// then changes no page but the lists that show it (see `Fingerprints`).
    let topicLinks: [TemplateValue]
    /// The masthead's topics, indexes into `index.topics`.
    let topTopics: [Int]
    /// Author values with their article counts, for the authors index and author pages.
    let authorViews: [TemplateValue]
    /// Author values without counts, for bylines (as `topicLinks` are for topics).
    let authorLinks: [TemplateValue]

    public init(index: SiteIndex, buildTime: Date) {
        self.index = index
        self.buildTime = buildTime
        let links = Links(config: index.config)
        self.links = links
        let topicLinks = index.topics.map { Self.topicLink($0, links: links) }
        self.topicLinks = topicLinks
        topicViews = index.topics.enumerated().map { t, topic in
            guard case .object(var fields) = topicLinks[t] else { return topicLinks[t] }
            fields["count"] = .int(topic.articles.count)
            fields["count_label"] = .string(Links.count(topic.articles.count))
            return .object(fields)
        }
        let topTopics = index.topTopics(8)
        self.topTopics = topTopics
        let authorViews = index.authors.map { Self.authorView($0, links: links) }
        self.authorViews = authorViews
        authorLinks = authorViews.map { view in
            guard case .object(var fields) = view else { return view }
            fields["count"] = nil
            fields["count_label"] = nil
            return .object(fields)
        }
        let config = index.config
        site = .object(Self.newsroomSiteValues(index, links).merging([
            "title": .string(config.title),
            "description": .string(config.description),
            "base_url": .string(config.baseURL),
            "language": .string(config.language),
            "url": .string(links.url(.root)),
            "rss_url": .string(links.absoluteURL(.file(Feed.Format.rss.fileName))),
            "atom_url": .string(links.absoluteURL(.file(Feed.Format.atom.fileName))),
            "topics_url": .string(links.url(Route(["topics"]))),
            "archive_url": .string(links.url(Route(["archive"]))),
            "search_url": config.search ? .string(links.url(Route(["search"]))) : .null,
            "top_topics": .list(topTopics.map { topicLinks[$0] }),
            "year": .int(CivilTime(buildTime, in: config.timeZone).year),
        ]) { new, _ in new })
    }

    public var config: SiteConfig { index.config }

    private static func topicLink(_ topic: Topic, links: Links) -> TemplateValue {
        [
            "name": .string(topic.name),
            "slug": .string(topic.slug),
            "url": .string(links.url(topic.route)),
            "rss_url": .string(links.absoluteURL(topic.route.file(Feed.Format.rss.fileName))),
            "atom_url": .string(links.absoluteURL(topic.route.file(Feed.Format.atom.fileName))),
            "json_url": .string(links.absoluteURL(topic.route.file(Feed.Format.json.fileName))),
        ]
    }
}
