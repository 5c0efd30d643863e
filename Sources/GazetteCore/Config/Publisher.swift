import Foundation
import Yams

/// The organisation behind the site: `publisher: {name: ..., logo: ...}` in `site.yml`.
public struct Publisher: Sendable, Equatable {
    /// Default: the site's title.
    public var name: String?
    /// A site path (`/assets/logo.png`) or an absolute URL.
    public var logo: String?

    public init(name: String? = nil, logo: String? = nil) {
        self.name = name
        self.logo = logo
    }

    static func read(_ node: Node, _ reader: inout YAMLReader) -> Publisher {
        guard case .mapping(let mapping) = node else {
            reader.error("'publisher' must be a mapping such as {name: Ledger Media, logo: /assets/logo.png}", at: node)
            return Publisher()
        }
        var publisher = Publisher()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name": publisher.name = reader.string(value, field: "publisher.name")
            case "logo": publisher.logo = SiteLink.read(value, field: "publisher.logo", &reader)
            default: reader.warning("unknown key 'publisher.\(key)' is ignored", at: keyNode)
            }
        }
        return publisher
    }
}

/// What `site.yml` says about one author: `authors: [{name: ..., bio: ..., link: ...}]`.
public struct AuthorProfile: Sendable, Equatable {
    public var name: String
    public var bio: String?
    /// The author's own page elsewhere (an absolute URL) or a site path.
    public var link: String?

    public init(name: String, bio: String? = nil, link: String? = nil) {
        self.name = name
        self.bio = bio
        self.link = link
    }

    /// A list of `{name, bio, link}`, or a mapping from names to `{bio, link}`; keyed by the name's slug.
    static func read(_ node: Node, _ reader: inout YAMLReader) -> [String: AuthorProfile] {
        var entries: [(name: Node?, fields: Node)] = []
        switch node {
        case .sequence(let sequence): entries = sequence.map { (nil, $0) }
        case .mapping(let mapping): entries = mapping.map { ($0.key, $0.value) }
        default:
            reader.error("'authors' must be a list of {name: ..., bio: ..., link: ...}", at: node)
            return [:]
        }
        var profiles: [String: AuthorProfile] = [:]
        for (nameNode, fields) in entries {
            var profile = AuthorProfile(name: nameNode.flatMap { reader.string($0, field: "authors") } ?? "")
            if case .mapping(let mapping) = fields {
                for (keyNode, value) in mapping {
                    let key = keyNode.string ?? ""
                    switch key {
                    case "name" where nameNode == nil: profile.name = reader.string(value, field: "authors.name") ?? ""
                    case "bio": profile.bio = reader.string(value, field: "authors.bio")
                    case "link": profile.link = SiteLink.read(value, field: "authors.link", &reader)
                    default: reader.warning("unknown key 'authors.\(key)' is ignored", at: keyNode)
                    }
                }
            } else if !(nameNode != nil && fields.null != nil) {
                reader.error("each author must be a mapping such as {name: Ayesha Khan, bio: ..., link: ...}", at: fields)
                continue
            }
            let name = profile.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let slug = Slug.make(name)
            guard !slug.isEmpty else {
                reader.error("an author needs a 'name' with letters or digits", at: nameNode ?? fields)
                continue
            }
            if profiles[slug] != nil {
                reader.error("author '\(name)' is described twice", at: nameNode ?? fields)
                continue
            }
            profile.name = name
            profiles[slug] = profile
        }
        return profiles
    }
}

/// A link in `site.yml`: an absolute http(s) URL, or a site path starting with `/`.
enum SiteLink {
    static func read(_ node: Node, field: String, _ reader: inout YAMLReader) -> String? {
        guard let text = reader.string(node, field: field) else { return nil }
        if text.hasPrefix("/"), !text.hasPrefix("//") { return text }
        if let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
            return text
        }
        reader.error("'\(field)' must be an absolute http(s) URL or a path starting with '/', not '\(text)'", at: node)
        return nil
    }
}
