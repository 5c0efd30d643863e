import Foundation

/// The settings of one site, from `site.yml`; every field has a default.
public struct SiteConfig: Sendable {
    public var title = "News Archive"
    public var description = ""
    /// Absolute, ending with `/`, e.g. `https://archive.example.org/`.
    public var baseURL = "http://localhost:8080/"
    public var language = "en"
    public var timeZone = TimeZone(identifier: "UTC")!
    public var pageSize = 20
    public var permalink = Permalink.default
    public var feedSize = 50
    public var markdownUnsafe = false
    /// Who publishes the site, for structured data and the news sitemap (`publisher: {name, logo}`).
    public var publisher = Publisher()
    /// Descriptions of authors from `site.yml`, by the slug of their name.
    public var authorProfiles: [String: AuthorProfile] = [:]

    public init() {}

    /// The publisher's name: `publisher.name`, or the site's title.
    public var publisherName: String { publisher.name ?? title }

    /// The path part of `baseURL` (`/` or `/archive/`), which every site-relative link starts with.
    public var basePath: String {
        guard let components = URLComponents(string: baseURL), !components.path.isEmpty else { return "/" }
        let path = components.percentEncodedPath
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The absolute URL of a site path (`/topics/` → `https://archive.example.org/topics/`).
    public func absoluteURL(_ path: String) -> String {
        baseURL + path.dropFirst()
    }

    /// A root-relative link for a site path, under the base URL's path (`/topics/` → `/archive/topics/`).
    public func relativeURL(_ path: String) -> String {
        basePath + path.dropFirst()
    }

    /// Sets the base URL, adding the trailing slash that joining paths relies on.
    public mutating func setBaseURL(_ url: String) {
        baseURL = url.hasSuffix("/") ? url : url + "/"
    }
}
