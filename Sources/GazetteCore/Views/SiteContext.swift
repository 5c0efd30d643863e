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
            return .object(fields)
        }
        let topTopics = index.topTopics(8)
        self.topTopics = topTopics
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
            "top_topics": .list(topTopics.map { topicLinks[$0] }),
            "year": .int(CivilTime(buildTime, in: config.timeZone).year),
        ]
    }

    public var config: SiteConfig { index.config }

    private static func topicLink(_ topic: Topic, links: Links) -> TemplateValue {
        [
            "name": .string(topic.name),
            "slug": .string(topic.slug),
            "url": .string(links.url(topic.route)),
            "rss_url": .string(links.absoluteURL(topic.route.file("feed.xml"))),
            "atom_url": .string(links.absoluteURL(topic.route.file("atom.xml"))),
        ]
    }
}
