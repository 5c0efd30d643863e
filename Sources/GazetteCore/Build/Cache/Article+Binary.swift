import Foundation
import GazetteMustache

/// Articles in the build cache: every field, so that an unchanged file is not read again.
extension BinaryWriter {
    mutating func write(_ article: Article) {
        write(article.source.displayPath)
        write(article.source.path)
        write(article.source.bodyOffset)
        write(article.source.bodyLine)
        write(article.source.contentHash)
        write(article.title)
        write(article.date.timeIntervalSince1970)
        write(article.updated != nil)
        if let updated = article.updated { write(updated.timeIntervalSince1970) }
        write(article.slug)
        write(article.topics)
        write(article.summary)
        write(article.highlights)
        write(article.dateline)
        write(article.authors)
        write(article.image != nil)
        if let image = article.image {
            write(image.src)
            write(image.alt)
            write(image.caption)
            write(image.credit)
        }
        write(article.short)
        write(article.draft)
        write(article.aliases.count)
        for alias in article.aliases {
            write(alias.segments)
            write(alias.isFile)
        }
        write(article.corrections.count)
        for correction in article.corrections {
            write(correction.date.timeIntervalSince1970)
            write(correction.text)
        }
        write(TemplateValue.object(article.params))
        write(article.wordCount)
    }

    mutating func write(_ value: TemplateValue) {
        switch value {
        case .null, .custom:
            bytes.append(0)
        case .bool(let flag):
            bytes.append(1)
            write(flag)
        case .int(let number):
            bytes.append(2)
            write(number)
        case .double(let number):
            bytes.append(3)
            write(number)
        case .string(let text):
            bytes.append(4)
            write(text)
        case .list(let items):
            bytes.append(5)
            write(items.count)
            for item in items { write(item) }
        case .object(let fields):
            bytes.append(6)
            write(fields.count)
            for key in fields.keys.sorted() {
                write(key)
                write(fields[key]!)
            }
        }
    }
}

extension BinaryReader {
    /// A date as seconds since 1970, refused unless it is one the date parser could have made: a damaged
    /// cache must not reach `CivilTime` with NaN or a year beyond 9999.
    mutating func time() throws(Corrupt) -> Double {
        let seconds = try double()
        guard seconds.isFinite, abs(seconds) < 400_000_000_000 else { throw Corrupt() }
        return seconds
    }

    mutating func article() throws(Corrupt) -> Article {
        let source = SourceFile(displayPath: try string(), path: try string(), bodyOffset: try int(),
                                bodyLine: try int(), contentHash: try uint64())
        guard source.bodyOffset >= 0, source.bodyLine >= 1 else { throw Corrupt() }
        let title = try string()
        let date = Date(timeIntervalSince1970: try time())
        let updated = try bool() ? Date(timeIntervalSince1970: try time()) : nil
        let slug = try string()
        let topics = try strings()
        let summary = try string()
        let highlights = try strings()
        let dateline = try optionalString()
        let authors = try strings()
        let image = try bool()
            ? ArticleImage(src: try string(), alt: try string(), caption: try optionalString(), credit: try optionalString())
            : nil
        let short = try optionalString()
        let draft = try bool()
        var aliases: [Route] = []
        for _ in 0..<(try count()) { aliases.append(Route(try strings(), isFile: try bool())) }
        var corrections: [Correction] = []
        for _ in 0..<(try count()) {
            corrections.append(Correction(date: Date(timeIntervalSince1970: try time()), text: try string()))
        }
        guard case .object(let params) = try templateValue() else { throw Corrupt() }
        return Article(source: source, title: title, date: date, updated: updated, slug: slug, topics: topics,
                       summary: summary, highlights: highlights, dateline: dateline, authors: authors, image: image,
                       short: short, draft: draft, aliases: aliases, corrections: corrections, params: params,
                       wordCount: try int())
    }

    mutating func templateValue(depth: Int = 0) throws(Corrupt) -> TemplateValue {
        guard depth < 256 else { throw Corrupt() }
        let tag = try int8()
        switch tag {
        case 0: return .null
        case 1: return .bool(try bool())
        case 2: return .int(try int())
        case 3: return .double(try double())
        case 4: return .string(try string())
        case 5:
            let n = try count()
            var items: [TemplateValue] = []
            for _ in 0..<n { items.append(try templateValue(depth: depth + 1)) }
            return .list(items)
        case 6:
            let n = try count()
            var fields: [String: TemplateValue] = [:]
            for _ in 0..<n { fields[try string()] = try templateValue(depth: depth + 1) }
            return .object(fields)
        default:
            throw Corrupt()
        }
    }
}
