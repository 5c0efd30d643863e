import Foundation
import GazetteMustache
import Yams

/// Turns the bytes of one article file into an `Article`, or into the diagnostics that say what is wrong.
public struct ArticleParser: Sendable {
    public var dates: DateParser
    public var markdown: MarkdownRenderer

    public init(config: SiteConfig) {
        dates = DateParser(timeZone: config.timeZone)
        markdown = MarkdownRenderer(unsafe: config.markdownUnsafe)
    }

    /// Parses a file's contents.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - displayPath: the path printed in diagnostics.
    ///   - path: where the file is.
    /// - Returns: the article (nil when any error was found) and every diagnostic.
    public func parse(_ data: [UInt8], displayPath: String, path: String) -> (Article?, [Diagnostic]) {
        data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)
            var bomLength = 0
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bomLength = 3
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
                return (nil, [.error("file is not UTF-8 text (is it a binary file named .md?)", in: displayPath)])
            }
            let frontMatter: FrontMatter
            switch FrontMatter.split(bytes) {
            case .success(let split): frontMatter = split
            case .failure(let problem): return (nil, [.error(problem.message, in: displayPath)])
            }
            // Cut from the text already checked, rather than decoded and checked again.
            let body = String(text[text.utf8.index(text.utf8.startIndex, offsetBy: frontMatter.bodyOffset)...])
            let source = SourceFile(displayPath: displayPath, path: path, bodyOffset: frontMatter.bodyOffset + bomLength,
                                    bodyLine: frontMatter.bodyLine, contentHash: StableHash.of(UnsafeRawBufferPointer(raw)))
            return parse(frontMatter: frontMatter, body: body, source: source)
        }
    }

    /// The file name without its folder and extension.
    static func stem(of path: String) -> String {
        // Searched as bytes: every article asks, and splitting into Characters cost 1% of a cold build.
        let bytes = path.utf8
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        guard let dot = bytes[start...].lastIndex(of: UInt8(ascii: ".")), dot != start else { return String(path[start...]) }
        return String(path[start..<dot])
    }

    private func parse(frontMatter: FrontMatter, body: String, source: SourceFile) -> (Article?, [Diagnostic]) {
        var reader = YAMLReader(file: source.displayPath, lineOffset: 1)
        guard let root = reader.parse(frontMatter.yaml) else {
            if reader.diagnostics.isEmpty {
                return (nil, [.error("front matter is empty: an article needs at least a title and a date", in: source.displayPath)])
            }
            return (nil, reader.diagnostics)
        }
        guard case .mapping(let mapping) = root else {
            reader.error("front matter must be a mapping of fields (title: ..., date: ...), not \(YAMLReader.kind(of: root))", at: root)
            return (nil, reader.diagnostics)
        }
        var fields = ArticleFields(reader: reader, dates: dates, fileStem: Self.stem(of: source.path))
        fields.read(mapping)
        guard !fields.reader.diagnostics.hasErrors else { return (nil, fields.reader.diagnostics) }
        var summary = fields.summary
        if summary.isEmpty {
            for limit in Summary.openingLimits {
                let opening = Summary.opening(of: body, limit: limit)
                summary = Summary.cut(markdown.render(opening, html: false).firstParagraph)
                if !summary.isEmpty || opening.endIndex == body.endIndex { break }
            }
        }
        let article = fields.article(source: source, summary: summary, wordCount: WordCounter.countMarkdown(body))
        return (article, fields.reader.diagnostics)
    }
}
