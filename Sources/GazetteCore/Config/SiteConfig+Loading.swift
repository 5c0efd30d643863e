import Foundation
import Yams

extension SiteConfig {
    static let knownKeys: Set<String> = [
        "title", "description", "base_url", "language", "time_zone", "page_size", "permalink", "feed_size", "markdown", "publisher", "authors",
        "search",
    ]

    /// Reads `site.yml` from `file`; a missing file gives the defaults.
    ///
    /// - Parameters:
    ///   - file: where `site.yml` is.
    ///   - displayPath: the path printed in diagnostics.
    /// - Returns: the configuration and every problem found (unknown keys are warnings).
    public static func load(from file: URL, displayPath: String) -> (SiteConfig, [Diagnostic]) {
        load(contents: FileIO.read(file.path), displayPath: displayPath)
    }

    /// The settings in the bytes of a `site.yml` already read; nil (no file) gives the defaults.
    static func load(contents: [UInt8]?, displayPath: String) -> (SiteConfig, [Diagnostic]) {
        guard let contents else { return (SiteConfig(), []) }
        guard let text = String(validating: contents, as: UTF8.self) else {
            return (SiteConfig(), [.error("file is not UTF-8 text", in: displayPath)])
        }
        return parse(text, displayPath: displayPath)
    }

    /// Parses the text of a `site.yml`.
    public static func parse(_ text: String, displayPath: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var reader = YAMLReader(file: displayPath)
        guard let root = reader.parse(text) else { return (config, reader.diagnostics) }
        guard case .mapping(let mapping) = root else {
            if YAMLScalar(root)?.isNull != true { reader.error("site.yml must be a mapping of settings (key: value)", at: root) }
            return (config, reader.diagnostics)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title": config.title = reader.string(value, field: key) ?? config.title
            case "description": config.description = reader.string(value, field: key) ?? ""
            case "base_url":
                if let url = reader.string(value, field: key) {
                    if let components = URLComponents(string: url), components.scheme != nil, components.host != nil {
                        config.setBaseURL(url)
                    } else {
                        reader.error("'base_url' must be an absolute URL such as https://example.org/, not '\(url)'", at: value)
                    }
                }
            case "language": config.language = reader.string(value, field: key) ?? config.language
            case "time_zone":
                if let name = reader.string(value, field: key) {
                    if let zone = TimeZone(identifier: name) {
                        config.timeZone = zone
                    } else {
                        reader.error("unknown time zone '\(name)' (use an IANA name such as Asia/Karachi)", at: value)
                    }
                }
            case "page_size": config.pageSize = reader.positiveInt(value, field: key) ?? config.pageSize
            case "feed_size": config.feedSize = reader.positiveInt(value, field: key) ?? config.feedSize
            case "permalink":
                if let pattern = reader.string(value, field: key) {
                    switch Permalink.parse(pattern) {
                    case .success(let permalink): config.permalink = permalink
                    case .failure(let problem): reader.error(problem.message, at: value)
                    }
                }
            case "search": config.search = reader.bool(value, field: key) ?? config.search
            case "markdown":
                guard case .mapping(let options) = value else {
                    reader.error("'markdown' must be a mapping such as {unsafe: true}", at: value)
                    continue
                }
                for (optionKey, optionValue) in options {
                    if optionKey.string == "unsafe" {
                        config.markdownUnsafe = reader.bool(optionValue, field: "markdown.unsafe") ?? false
                    } else {
                        reader.warning("unknown key 'markdown.\(optionKey.string ?? "")' is ignored", at: optionKey)
                    }
                }
            case "publisher": config.publisher = Publisher.read(value, &reader)
            case "authors": config.authorProfiles = AuthorProfile.read(value, &reader)
            default:
                reader.warning("unknown key '\(key)' is ignored", at: keyNode)
            }
        }
        return (config, reader.diagnostics)
    }
}
