import Foundation
import GazetteMustache
import Yams

/// Reads the front matter fields of one article, collecting a diagnostic for each bad one.
struct ArticleFields {
    var reader: YAMLReader
    let dates: DateParser
    let fileStem: String

    var title: String?
    var date: Date?
    var updated: Date?
    var slug: String?
    var topics: [String] = []
    var summary = ""
    var highlights: [String] = []
    var dateline: String?
    var authors: [String] = []
    var image: ArticleImage?
    var short: String?
    var draft = false
    var aliases: [Route] = []
    var corrections: [Correction] = []
    var params: [String: TemplateValue] = [:]
    var hasTitle = false, hasDate = false

    init(reader: YAMLReader, dates: DateParser, fileStem: String) {
        self.reader = reader
        self.dates = dates
        self.fileStem = fileStem
    }

    mutating func read(_ mapping: Node.Mapping) {
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                hasTitle = true
                title = reader.string(value, field: key)?.trimmingBlanks()
                if case .scalar = value, title?.isEmpty ?? true { reader.error("'title' is empty", at: value) }
            case "date":
                hasDate = true
                date = readDate(value, field: key)
            case "updated": updated = readDate(value, field: key)
            case "slug": slug = readSlug(value)
            case "topics", "tags": topics = limited(reader.stringList(value, field: key) ?? [], field: key, at: value)
            case "summary", "description": summary = reader.string(value, field: key) ?? ""
            case "highlights": highlights = reader.stringList(value, field: key) ?? []
            case "dateline": dateline = reader.string(value, field: key)
            case "author", "authors": authors = limited(readAuthors(value, field: key), field: key, at: value)
            case "aliases": aliases = limited(readAliases(value), field: key, at: value)
            case "corrections": corrections = readCorrections(value)
            case "image": image = readImage(value)
            case "short": short = readShort(value)
            case "draft": draft = reader.bool(value, field: key) ?? false
            default:
                if let converted = reader.templateValue(value) { params[key] = converted }
            }
        }
        if !hasTitle { reader.error("missing 'title' in front matter", at: nil) }
        if !hasDate { reader.error("missing 'date' in front matter", at: nil) }
    }

    /// The most topics, authors or aliases one article may have. Each is a page with feeds that lists
    /// the article, and every feed item lists all of them: thousands on one article would make millions
    /// of lines of output.
    static let listLimit = 100

    private mutating func limited<T>(_ items: [T], field: String, at node: Node) -> [T] {
        guard items.count > Self.listLimit else { return items }
        reader.error("'\(field)' has \(items.count) entries; an article may have at most \(Self.listLimit)", at: node)
        return []
    }

    /// The article, with the summary and word count its body gives; nil when a field had an error.
    func article(source: SourceFile, summary: String, wordCount: Int) -> Article? {
        guard !reader.diagnostics.hasErrors, let title, let date else { return nil }
        return Article(source: source, title: title, date: date, updated: updated, slug: slug ?? Self.slug(fromFileName: fileStem),
                       topics: topics, summary: summary, highlights: highlights, dateline: dateline, authors: authors,
                       image: image, short: short, draft: draft, aliases: aliases, corrections: corrections,
                       params: params, wordCount: wordCount)
    }

    /// The file name without a leading `2025-11-19-` date, as Jekyll and Zola do.
    static func slug(fromFileName stem: String) -> String {
        var name = Substring(stem)
        let datePrefix = name.prefix(11)
        if datePrefix.count == 11, datePrefix.last == "-",
           DateParser(timeZone: .gmt).parse(String(datePrefix.dropLast())).map({ _ in true }) == .success(true) {
            name = name.dropFirst(11)
        }
        let slug = Slug.make(String(name))
        return slug.isEmpty ? Slug.make(stem) : slug
    }

    mutating func readDate(_ node: Node, field: String) -> Date? {
        guard let text = reader.string(node, field: field) else { return nil }
        switch dates.parse(text) {
        case .success(let date): return date
        case .failure(.outOfRange(let why)):
            reader.error("invalid date '\(text)' in '\(field)': \(why)", at: node)
        case .failure(.unrecognised):
            reader.error("unparseable date '\(text)' in '\(field)'; accepted forms: \(DateParser.acceptedForms)", at: node)
        }
        return nil
    }

    private mutating func readSlug(_ node: Node) -> String? {
        guard let text = reader.string(node, field: "slug") else { return nil }
        let slug = Slug.make(text)
        if slug.isEmpty { reader.error("slug '\(text)' has no letters or digits to make a URL from", at: node) }
        return slug.isEmpty ? nil : slug
    }

    private mutating func readShort(_ node: Node) -> String? {
        guard let text = reader.string(node, field: "short") else { return nil }
        guard !text.isEmpty, text.utf8.count <= 64,
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        else {
            reader.error("short id '\(text)' must be ASCII letters, digits, '-' or '_' (at most 64)", at: node)
            return nil
        }
        return text
    }

    private mutating func readImage(_ node: Node) -> ArticleImage? {
        if case .scalar = node, let src = reader.string(node, field: "image") {
            return ArticleImage(src: src, alt: "", caption: nil, credit: nil)
        }
        guard case .mapping(let mapping) = node else {
            reader.error("'image' must be a path or a mapping with src, alt, caption and credit", at: node)
            return nil
        }
        var image = ArticleImage(src: "", alt: "", caption: nil, credit: nil)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let text = reader.string(value, field: "image.\(key)")
            switch key {
            case "src": image.src = text ?? ""
            case "alt": image.alt = text ?? ""
            case "caption": image.caption = text
            case "credit": image.credit = text
            default: reader.warning("unknown key 'image.\(key)' is ignored", at: keyNode)
            }
        }
        if image.src.isEmpty, image.caption == nil {
            reader.error("'image' needs a 'src' (or at least a 'caption')", at: node)
            return nil
        }
        return image
    }
}
