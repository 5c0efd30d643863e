/// Links to routes, relative to the site root or absolute from `base_url`.
struct Links: Sendable {
    let config: SiteConfig

    /// A root-relative link to `route`, percent-encoded.
    func url(_ route: Route) -> String {
        config.relativeURL(route.encodedPath)
    }

    /// The absolute URL of `route`.
    func absoluteURL(_ route: Route) -> String {
        config.absoluteURL(route.encodedPath)
    }
}

extension Route {
    /// A file inside this folder route (`/topics/economy/` → `/topics/economy/feed.xml`).
    func file(_ name: String) -> Route {
        Route(segments + [name], isFile: true)
    }
}
