import Foundation

/// `gazette new "Title"`: a new article file with its front matter, dated now in the site's time zone.
public struct NewArticle: Sendable {
    public var title: String
    public var topics: [String]

    public init(title: String, topics: [String] = []) {
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        self.topics = topics.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The file's text: title, date, topics and a short id, then an empty body.
    public func text(date: CivilTime) -> String {
        var yaml = "---\ntitle: \(YAMLText.quoted(title))\ndate: \(DateFormats.rfc3339(date))\n"
        if !topics.isEmpty { yaml += "topics: [\(topics.map(YAMLText.plainOrQuoted).joined(separator: ", "))]\n" }
        yaml += "short: \(ShortID.make(title))\n---\n\n"
        return yaml
    }

    /// Creates `content/YYYY/<slug>.md`, the year being this one in `timeZone`.
    ///
    /// - Returns: the new file, or why there is none (an existing file is never replaced).
    public func create(in content: URL, now: Date, timeZone: TimeZone, paths: DisplayPaths) -> Result<URL, Diagnostic> {
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            return .failure(.error("the title '\(title)' has no letters or digits to make a file name from", in: paths.display(content)))
        }
        let date = CivilTime(now, in: timeZone)
        let url = content.appendingPathComponent(String(date.year)).appendingPathComponent(slug + ".md")
        if let problem = ContentFile.create(url, text: text(date: date), displayPath: paths.display(url)) { return .failure(problem) }
        return .success(url)
    }
}
