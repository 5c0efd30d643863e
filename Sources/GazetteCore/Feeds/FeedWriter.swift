import Foundation

/// Writes RSS 2.0 and Atom 1.0 documents (and JSON Feed through `JSONFeedWriter`): absolute links, each item with its summary and full HTML body.
struct FeedWriter {
    let context: SiteContext

    /// The feed's bytes; `body(i)` gives article `i`'s HTML.
    func render(_ feed: Feed, body: (Int) -> String) -> [UInt8] {
        switch feed.format {
        case .rss: return rss(feed, body: body)
        case .atom: return atom(feed, body: body)
        case .json: return JSONFeedWriter(context: context).render(feed, body: body)
        }
    }

    private var index: SiteIndex { context.index }
    private var zone: TimeZone { index.config.timeZone }

    private func updated(_ feed: Feed) -> CivilTime {
        let latest = feed.articles.map(index.lastModified).max() ?? context.buildTime
        return CivilTime(latest, in: zone)
    }

    private func rss(_ feed: Feed, body: (Int) -> String) -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\n<channel>\n")
        xml.element("title", feed.title)
        xml.element("link", context.links.absoluteURL(feed.page))
        xml.element("description", index.config.description.isEmpty ? feed.title : index.config.description)
        xml.element("language", index.config.language)
        xml.element("lastBuildDate", DateFormats.rfc822(updated(feed)))
        xml.element("generator", "Gazette")
        xml.empty("atom:link", ["href": context.links.absoluteURL(feed.route), "rel": "self", "type": Feed.Format.rss.mediaType])
        for i in feed.articles {
            let article = index.articles[i]
            let link = context.links.absoluteURL(index.routes[i])
            xml.raw("<item>\n")
            xml.element("title", article.title)
            xml.element("link", link)
            xml.element("guid", link, ["isPermaLink": "true"])
            xml.element("pubDate", DateFormats.rfc822(index.times[i]))
            if article.lastModified > article.date {
                xml.element("dcterms:modified", DateFormats.rfc3339(index.modifiedTimes[i]))
            }
            for a in index.articleAuthors[i] { xml.element("dc:creator", index.authors[a].name) }
            for t in index.articleTopics[i] { xml.element("category", index.topics[t].name) }
            xml.element("description", article.summary)
            xml.characterData("content:encoded", body(i))
            xml.raw("</item>\n")
        }
        xml.raw("</channel>\n</rss>\n")
        return xml.bytes
    }

    private func atom(_ feed: Feed, body: (Int) -> String) -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(index.config.language))\">\n")
        xml.element("title", feed.title)
        if !index.config.description.isEmpty { xml.element("subtitle", index.config.description) }
        xml.empty("link", ["href": context.links.absoluteURL(feed.page), "rel": "alternate", "type": "text/html"])
        xml.empty("link", ["href": context.links.absoluteURL(feed.route), "rel": "self", "type": Feed.Format.atom.mediaType])
        xml.element("id", context.links.absoluteURL(feed.route))
        xml.element("updated", DateFormats.rfc3339(updated(feed)))
        xml.raw("<author>\n")
        xml.element("name", index.config.title)
        xml.raw("</author>\n")
        xml.element("generator", "Gazette")
        for i in feed.articles {
            let article = index.articles[i]
            let link = context.links.absoluteURL(index.routes[i])
            xml.raw("<entry>\n")
            xml.element("title", article.title)
            xml.empty("link", ["href": link, "rel": "alternate", "type": "text/html"])
            xml.element("id", link)
            xml.element("published", DateFormats.rfc3339(index.times[i]))
            xml.element("updated", DateFormats.rfc3339(index.modifiedTimes[i]))
            for a in index.articleAuthors[i] {
                xml.raw("<author>\n")
                xml.element("name", index.authors[a].name)
                xml.element("uri", context.links.absoluteURL(index.authors[a].route))
                xml.raw("</author>\n")
            }
            for t in index.articleTopics[i] {
                xml.empty("category", ["term": index.topics[t].slug, "label": index.topics[t].name])
            }
            xml.element("summary", article.summary, ["type": "text"])
            xml.characterData("content", body(i), ["type": "html"])
            xml.raw("</entry>\n")
        }
        xml.raw("</feed>\n")
        return xml.bytes
    }
}
