import Foundation
import GazetteMustache

/// One article's metadata, as read from its file. The body is not kept: it is read again,
/// rendered and dropped when the article's page is written, so memory grows with metadata only.
///
/// Its fields live in one shared object, replaced whole when a copy changes: an article is copied whole
/// many times a build (into its record, the index, the views), where a copy of its strings and lists one
/// by one would update a reference count for each; a copy of the object is one.
public struct Article: Sendable {
    /// The file, as printed in diagnostics, and where it is on disk.
    public var source: SourceFile {
        _read { yield box.value.source }
        _modify { yield &fields.source }
    }
    public var title: String {
        _read { yield box.value.title }
        _modify { yield &fields.title }
    }
    public var date: Date {
        _read { yield box.value.date }
        _modify { yield &fields.date }
    }
    public var updated: Date? {
        _read { yield box.value.updated }
        _modify { yield &fields.updated }
    }
    public var slug: String {
        _read { yield box.value.slug }
        _modify { yield &fields.slug }
    }
    public var topics: [String] {
        _read { yield box.value.topics }
        _modify { yield &fields.topics }
    }
    public var summary: String {
        _read { yield box.value.summary }
        _modify { yield &fields.summary }
    }
    public var highlights: [String] {
        _read { yield box.value.highlights }
        _modify { yield &fields.highlights }
    }
    public var dateline: String? {
        _read { yield box.value.dateline }
        _modify { yield &fields.dateline }
    }
    /// The bylines, in the order the front matter gives them (`author: A` or `author: [A, B]`).
    public var authors: [String] {
        _read { yield box.value.authors }
        _modify { yield &fields.authors }
    }
    public var image: ArticleImage? {
        _read { yield box.value.image }
        _modify { yield &fields.image }
    }
    public var short: String? {
        _read { yield box.value.short }
        _modify { yield &fields.short }
    }
    public var draft: Bool {
        _read { yield box.value.draft }
        _modify { yield &fields.draft }
    }
    /// Old site paths that redirect to this article (`aliases: [/old/path/]`).
    public var aliases: [Route] {
        _read { yield box.value.aliases }
        _modify { yield &fields.aliases }
    }
    /// Dated corrections, oldest first.
    public var corrections: [Correction] {
        _read { yield box.value.corrections }
        _modify { yield &fields.corrections }
    }
    /// Front matter fields Gazette does not know, for templates (`{{params.subtitle}}`).
    public var params: [String: TemplateValue] {
        _read { yield box.value.params }
        _modify { yield &fields.params }
    }
    public var wordCount: Int {
        _read { yield box.value.wordCount }
        _modify { yield &fields.wordCount }
    }

    private var box: Shared<Fields>

    /// The fields to change: a change makes another object, which this article alone holds. Articles are
    /// changed only as they are made up (in tests); the parser makes each one whole.
    private var fields: Fields {
        get { box.value }
        set { box = Shared(newValue) }
    }

    public init(source: SourceFile, title: String, date: Date, updated: Date?, slug: String, topics: [String], summary: String,
                highlights: [String], dateline: String?, authors: [String], image: ArticleImage?, short: String?, draft: Bool,
                aliases: [Route], corrections: [Correction], params: [String: TemplateValue], wordCount: Int) {
        box = Shared(Fields(source: source, title: title, date: date, updated: updated, slug: slug, topics: topics, summary: summary,
                            highlights: highlights, dateline: dateline, authors: authors, image: image, short: short, draft: draft,
                            aliases: aliases, corrections: corrections, params: params, wordCount: wordCount))
    }

    private struct Fields: Sendable {
        var source: SourceFile
        var title: String
        var date: Date
        var updated: Date?
        var slug: String
        var topics: [String]
        var summary: String
        var highlights: [String]
        var dateline: String?
        var authors: [String]
        var image: ArticleImage?
        var short: String?
        var draft: Bool
        var aliases: [Route]
        var corrections: [Correction]
        var params: [String: TemplateValue]
        var wordCount: Int
    }

    public var readingMinutes: Int { max(1, (wordCount + 219) / 220) }

    /// When the article last changed: the latest of `date`, `updated` and its corrections' dates.
    public var lastModified: Date {
        var latest = date
        if let updated, updated > latest { latest = updated }
        if let correction = corrections.last, correction.date > latest { latest = correction.date }
        return latest
    }
}

/// A correction printed on the article: when it was made and what it says.
public struct Correction: Sendable, Equatable {
    public var date: Date
    public var text: String

    public init(date: Date, text: String) {
        self.date = date
        self.text = text
    }
}

/// The hero image of an article.
public struct ArticleImage: Sendable, Equatable {
    public var src: String
    public var alt: String
    public var caption: String?
    public var credit: String?
}

/// A content file: its path for messages, its location, and where its Markdown body starts.
public struct SourceFile: Sendable, Equatable {
    public var displayPath: String
    /// The absolute path on disk.
    public var path: String
    /// Byte offset of the body in the file, after the front matter.
    public var bodyOffset: Int
    /// 1-based line on which the body starts.
    public var bodyLine: Int
    /// `StableHash` of the whole file: what the build cache and page fingerprints compare.
    public var contentHash: UInt64
}
