import Foundation

/// `gazette import`: turns wire dumps into article files, one per article, at `INTO/YYYY/<slug>.md`.
public struct WireImporter: Sendable {
    /// The content folder the articles go into.
    public var destination: URL
    public var paths: DisplayPaths
    /// Topics for every imported article.
    public var topics: [String]

    public init(destination: URL, paths: DisplayPaths = DisplayPaths(), topics: [String] = []) {
        self.destination = destination.standardizedFileURL
        self.paths = paths
        self.topics = topics
    }

    public struct Result: Sendable {
        /// The files written, in the order of the dumps.
        public var written: [URL] = []
        /// What could not be recognised or written; a file that exists is an error and is left alone.
        public var diagnostics: [Diagnostic] = []
    }

    /// Imports every article of every file in `files`.
    public func run(_ files: [URL]) -> Result {
        var result = Result()
        for file in files {
            let display = paths.display(file)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                result.diagnostics.append(.error("cannot read file", in: display))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                result.diagnostics.append(.error("file is not UTF-8 text", in: display))
                continue
            }
            let (stories, diagnostics) = WireDump.parse(text, file: display)
            result.diagnostics += diagnostics
            for var story in stories {
                story.topics = topics
                guard let url = self.url(for: story) else {
                    result.diagnostics.append(.error("the headline '\(story.title)' has no letters or digits to make a file name from",
                                                     in: display, line: story.line))
                    continue
                }
                if let problem = ContentFile.create(url, text: story.markdown, displayPath: paths.display(url)) {
                    result.diagnostics.append(problem)
                } else {
                    result.written.append(url)
                }
            }
        }
        return result
    }

    /// `INTO/2025/<slug>.md`, the year being the article's date's.
    public func url(for story: WireStory) -> URL? {
        guard !story.slug.isEmpty, case .success(let date) = DateParser(timeZone: .gmt).parse(story.date) else { return nil }
        let year = CivilTime(date, in: .gmt).year
        return destination.appendingPathComponent(String(year)).appendingPathComponent(story.slug + ".md")
    }
}
