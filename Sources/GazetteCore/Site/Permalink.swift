/// The URL pattern of article pages, such as `/:year/:month/:day/:slug/`.
public struct Permalink: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case year, month, day, slug
    }

    /// The pattern's segments; each is literal text and placeholders, as in `:year-:slug`.
    let segments: [[Part]]
    public let pattern: String

    public static let `default` = try! parse("/:year/:month/:day/:slug/").get()

    public struct Problem: Error, Equatable {
        public var message: String
    }

    private static let placeholders: [(String, Part)] = [(":year", .year), (":month", .month), (":day", .day), (":slug", .slug)]

    /// Reads a pattern; it must start and end with `/` and may use `:year`, `:month`, `:day` and `:slug`.
    public static func parse(_ pattern: String) -> Result<Permalink, Problem> {
        guard pattern.hasPrefix("/"), pattern.hasSuffix("/"), pattern.count > 1 else {
            return .failure(Problem(message: "permalink '\(pattern)' must start and end with '/', as in /:year/:month/:day/:slug/"))
        }
        var segments: [[Part]] = []
        for raw in pattern.split(separator: "/") {
            let text = String(raw)
            if text == "." || text == ".." || text.contains("\\") {
                return .failure(Problem(message: "permalink '\(pattern)' may not contain '.', '..' or '\\' segments"))
            }
            var parts: [Part] = []
            var rest = Substring(text)
            while !rest.isEmpty {
                if let (name, part) = placeholders.first(where: { rest.hasPrefix($0.0) }) {
                    parts.append(part)
                    rest = rest.dropFirst(name.count)
                } else if rest.hasPrefix(":") {
                    let name = rest.prefix { $0 != "/" && $0 != "-" && $0 != "_" && $0 != "." }
                    return .failure(Problem(message: "unknown placeholder '\(name)' in permalink '\(pattern)' (use :year, :month, :day, :slug)"))
                } else {
                    let literal = rest.prefix { $0 != ":" }
                    parts.append(.literal(String(literal)))
                    rest = rest.dropFirst(literal.count)
                }
            }
            segments.append(parts)
        }
        guard segments.contains(where: { $0.contains(.slug) }) else {
            return .failure(Problem(message: "permalink '\(pattern)' must contain :slug, or every article would share one URL"))
        }
        return .success(Permalink(segments: segments, pattern: pattern))
    }

    /// The route of an article with `slug`, published at `time` (in the site's zone).
    public func route(slug: String, time: CivilTime) -> Route {
        func text(_ part: Part) -> String {
            switch part {
            case .literal(let text): return text
            case .year: return String(time.year)
            case .month: return DateFormats.pad(time.month)
            case .day: return DateFormats.pad(time.day)
            case .slug: return slug
            }
        }
        // Made for every article in every build: most segments are one part, taken as it is.
        return Route(segments.map { parts in parts.count == 1 ? text(parts[0]) : parts.map(text).joined() })
    }
}
