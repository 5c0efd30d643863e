import Foundation
import GazetteMustache

/// What every view model of one build shares: the index, the settings, and values computed once.
public final class SiteContext: Sendable {
    public let index: SiteIndex
    public let buildTime: Date
    let links: Links
    /// `{{site}}`: the same for every page.
    let site: TemplateValue
    /// `{{topics}}` entries, one per topic, built once.
    let topicViews: [TemplateValue]

    public init(index: SiteIndex, buildTime: Date) {
        self.index = index
        self.buildTime = buildTime
        let links = Links(config: index.config)
        self.links = links
        let topicViews = index.topics.map { Self.topicView($0, links: links) }
        self.topicViews = topicViews
        let config = index.config
        site = [
            "title": .string(config.title),
            "description": .string(config.description),
            "base_url": .string(config.baseURL),
            "language": .string(config.language),
            "url": .string(links.url(.root)),
            "rss_url": .string(links.absoluteURL(.file("feed.xml"))),
            "atom_url": .string(links.absoluteURL(.file("atom.xml"))),
            "topics_url": .string(links.url(Route(["topics"]))),
            "archive_url": .string(links.url(Route(["archive"]))),
            "search_url": config.search ? .string(links.url(Route(["search"]))) : .null,
            "top_topics": .list(index.topTopics(8).map { topicViews[$0] }),
            "article_count": .int(index.articles.count),
            "year": .int(CivilTime(buildTime, in: config.timeZone).year),
        ]
    }

    public var config: SiteConfig { index.config }

    private static func topicView(_ topic: Topic, links: Links) -> TemplateValue {
        [
            "name": .string(topic.name),
            "slug": .string(topic.slug),
            "url": .string(links.url(topic.route)),
            "count": .int(topic.articles.count),
            "rss_url": .string(links.absoluteURL(topic.route.file("feed.xml"))),
            "atom_url": .string(links.absoluteURL(topic.route.file("atom.xml"))),
        ]
    }
}
