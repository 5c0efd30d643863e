import Foundation

/// Links to routes, relative to the site root or absolute from `base_url`.
///
/// A class: views ask for links for every article they show, and a copy of a struct holding the whole
/// configuration retained each of its strings.
final class Links: Sendable {
    let config: SiteConfig

    init(config: SiteConfig) {
        self.config = config
    }

    /// A root-relative link to `route`, percent-encoded.
    func url(_ route: Route) -> String {
        config.relativeURL(route.encodedPath)
    }

    /// The absolute URL of `route`.
    func absoluteURL(_ route: Route) -> String {
        config.absoluteURL(route.encodedPath)
    }

    /// A link written by hand (an image's `src`, a logo): a site path (`/images/a.jpg`) is put under the
    /// base URL, an absolute URL stays, and anything else is resolved against the page at `route`.
    func absoluteURL(of reference: String, from route: Route = .root) -> String {
        if reference.hasPrefix("/"), !reference.hasPrefix("//") { return config.absoluteURL(reference) }
        guard let base = URL(string: absoluteURL(route)), let url = URL(string: reference, relativeTo: base) else { return reference }
        return url.absoluteString
    }

    /// A site path written by hand as a root-relative link under the base URL's path; other links unchanged.
    func url(of reference: String) -> String {
        reference.hasPrefix("/") && !reference.hasPrefix("//") ? config.relativeURL(reference) : reference
    }
}

extension Links {
    /// "1 article", "12 articles".
    static func count(_ n: Int) -> String {
        n == 1 ? "1 article" : "\(n) articles"
    }
}

extension Route {
    /// A file inside this folder route (`/topics/economy/` → `/topics/economy/feed.xml`).
    func file(_ name: String) -> Route {
        Route(segments + [name], isFile: true)
    }
}
