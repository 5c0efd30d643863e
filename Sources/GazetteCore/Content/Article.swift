import Foundation
import GazetteMustache

/// One article's metadata, as read from its file. The body is not kept: it is read again,
/// rendered and dropped when the article's page is written, so memory grows with metadata only.
public struct Article: Sendable {
    /// The file, as printed in diagnostics, and where it is on disk.
    public var source: SourceFile
    public var title: String
    public var date: Date
    public var updated: Date?
    public var slug: String
    public var topics: [String]
    public var summary: String
    public var highlights: [String]
    public var dateline: String?
    /// The bylines, in the order the front matter gives them (`author: A` or `author: [A, B]`).
    public var authors: [String]
    public var image: ArticleImage?
    public var short: String?
    public var draft: Bool
    /// Old site paths that redirect to this article (`aliases: [/old/path/]`).
    public var aliases: [Route]
    /// Dated corrections, oldest first.
    public var corrections: [Correction]
    /// Front matter fields Gazette does not know, for templates (`{{params.subtitle}}`).
    public var params: [String: TemplateValue]
    public var wordCount: Int

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
