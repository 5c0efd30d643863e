import Foundation

/// Checks every internal link of a built site: `href`, `src` and `srcset` on every page, redirect
/// targets, and the links in feeds and sitemaps. A link is internal when it is root-relative or
/// relative, or absolute on the origin of `base_url`; it must name a file of the build (a folder
/// link its `index.html`), and a `#fragment` must be an `id` on the page it names.
public struct LinkChecker: Sendable {
    public let config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    /// A link that leads nowhere, and the page that has it.
    public struct BrokenLink: Sendable, Equatable, CustomStringConvertible {
        /// The page's site path (`/2025/11/19/story/`, `/feed.xml`).
        public var page: String
        public var link: String
        public var reason: String

        public var description: String { "\(page): broken link '\(link)' (\(reason))" }
    }

    public struct Report: Sendable {
        public var files = 0
        /// Internal links checked.
        public var links = 0
        public var broken: [BrokenLink] = []

        public var summary: String {
            "Checked \(links) internal links in \(files) files: \(broken.isEmpty ? "none" : String(broken.count)) broken"
        }
    }

    /// Checks the files of a build, by output path.
    public func check(_ files: [String: [UInt8]]) -> Report {
        let paths = files.keys.sorted()
        let scanned = parallelMap(paths.count) { n -> PageLinks? in
            let path = paths[n], bytes = files[path]!
            if path.hasSuffix(".html") { return PageLinks.html(bytes) }
            if path.hasSuffix(".xml") { return PageLinks.xml(bytes) }
            if path.hasSuffix(".json") { return PageLinks.jsonFeed(bytes) }
            return nil
        }
        var anchors: [String: Set<String>] = [:]
        for (n, page) in scanned.enumerated() where paths[n].hasSuffix(".html") { anchors[paths[n]] = page?.anchors ?? [] }
        let site = Site(config: config, files: Set(paths), anchors: anchors)

        let results = parallelMap(paths.count) { n -> (Int, [BrokenLink]) in
            guard let page = scanned[n] else { return (0, []) }
            let path = paths[n]
            // Parsed once per page (feed items bring their own base).
            let pageURL = URL(string: config.absoluteURL("/" + path))
            var checked = 0
            var broken: [BrokenLink] = []
            var seen: Set<String> = []
            for link in page.links {
                switch site.verify(link.reference, from: link.base.map { URL(string: $0) } ?? pageURL) {
                case .external: continue
                case .fine: checked += 1
                case .broken(let reason):
                    checked += 1
                    if seen.insert(link.reference).inserted {
                        broken.append(BrokenLink(page: Site.pagePath(path), link: link.reference, reason: reason))
                    }
                }
            }
            return (checked, broken)
        }
        var report = Report()
        report.files = scanned.compactMap { $0 }.count
        for (checked, broken) in results {
            report.links += checked
            report.broken += broken
        }
        return report
    }

    /// The files of the build and the anchors of its pages.
    struct Site: Sendable {
        let config: SiteConfig
        let files: Set<String>
        let anchors: [String: Set<String>]
        /// `base_url`'s scheme, host and port, parsed once for every link.
        let origin: URLComponents?

        init(config: SiteConfig, files: Set<String>, anchors: [String: Set<String>]) {
            self.config = config
            self.files = files
            self.anchors = anchors
            origin = URLComponents(string: config.baseURL)
        }

        enum Verdict {
            case external, fine
            case broken(String)
        }

        /// `2025/x/index.html` → `/2025/x/`; `feed.xml` → `/feed.xml`.
        static func pagePath(_ path: String) -> String {
            if path == "index.html" { return "/" }
            if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
            return "/" + path
        }

        /// - Parameter base: the URL `reference` is relative to; nil when it was malformed.
        func verify(_ reference: String, from base: URL?) -> Verdict {
            let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
            if let colon = reference.firstIndex(of: ":"), let first = reference.first, first.isLetter,
               reference[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
               !["http", "https"].contains(reference[..<colon].lowercased()) {
                return .external  // mailto:, tel:, data: …
            }
            guard let baseURL = base,
                  let resolved = URL(string: reference, relativeTo: baseURL) ?? URL(string: Self.encode(reference), relativeTo: baseURL),
                  let components = URLComponents(url: resolved.absoluteURL, resolvingAgainstBaseURL: false),
                  let site = origin else {
                return .broken("malformed URL")
            }
            guard components.scheme?.lowercased() == site.scheme?.lowercased(), components.host?.lowercased() == site.host?.lowercased(),
                  Self.port(components) == Self.port(site) else { return .external }
            let basePath = config.basePath
            let path = Self.removingDotSegments(components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            guard let decoded = path.removingPercentEncoding else { return .broken("malformed %-escape") }
            guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else {
                return .broken("outside the site, whose pages are under \(basePath)")
            }
            let relative = String(decoded.dropFirst(min(basePath.count, decoded.count)))
            let file: String
            if relative.isEmpty || relative.hasSuffix("/") {
                file = relative + "index.html"
            } else if files.contains(relative) {
                file = relative
            } else {
                file = relative + "/index.html"  // a server answers /a with /a/
            }
            guard files.contains(file) else { return .broken("no such page") }
            if let fragment = components.percentEncodedFragment, !fragment.isEmpty, file.hasSuffix(".html") {
                let id = fragment.removingPercentEncoding ?? fragment
                guard anchors[file]?.contains(id) == true else {
                    return .broken("no element with id '\(id)' on \(Self.pagePath(file))")
                }
            }
            return .fine
        }

        private static func port(_ components: URLComponents) -> Int? {
            components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        }

        /// A reference with spaces or letters of other scripts, percent-encoded so that it parses.
        private static func encode(_ reference: String) -> String {
            reference.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(.urlPathAllowed).union(["#", "?"])) ?? reference
        }

        /// RFC 3986 §5.2.4: `/a/./b/../c` → `/a/c`.
        static func removingDotSegments(_ path: String) -> String {
            var output: [Substring] = []
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            for (n, segment) in segments.enumerated() {
                let last = n == segments.count - 1
                if segment == "." {
                    if last { output.append("") }
                } else if segment == ".." {
                    if !output.isEmpty { output.removeLast() }
                    if last { output.append("") }
                } else {
                    output.append(segment)
                }
            }
            return "/" + output.joined(separator: "/")
        }
    }
}
