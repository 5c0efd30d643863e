/// The search index of a rebuild in which a few articles' terms changed: the last build's term records,
/// read back from its files, with the postings of those articles taken out and put in again, instead of
/// every article's terms collected anew (`SearchIndexBuilder.collected`), which on an archive of 10,000
/// articles is most of an edit's index.
///
/// Only when the result is the one a cold build makes: the last build's index was made from the very
/// bodies the cache holds now, for the same articles in the same order with the same topics (`key`);
/// its files are as it wrote them; the rounded average body length (`SearchIndexLayout.average`) is
/// the same, so that no other article's place in a strong set moves; and no changed term's document
/// frequency crosses the half of the archive above which its strong set is left empty. Otherwise
/// `records` gives nil and the index is made from every article's terms.
struct SearchIndexUpdate {
    /// More changed articles than this and collecting every article's terms is as quick.
    static let maximumChanged = 64

    /// What an index is made from, in one hash: the term list the bodies' numbers refer to, the topics, and
    /// each article's path, topics and body terms (`body`, by article), in the index's order; nil when an
    /// article has no body.
    static func key(terms: [String], index: SiteIndex, body: @Sendable (Int) -> SearchBodyTerms?) -> UInt64? {
        key(terms: terms, index: index, articles: articleKeys(index: index, body: body))
    }

    /// `key` from each article's part of it (`articleKey`), so that a build that hashes the bodies once to
    /// tell whether the last index can be updated need hash again only those that changed.
    static func key(terms: [String], index: SiteIndex, articles: [UInt64?]) -> UInt64? {
        var hash = StableHash()
        hash.combine(UInt64(SearchIndexLayout.format))
        hash.combine(UInt64(terms.count))
        for term in terms { hash.combine(term) }
        hash.combine(UInt64(index.topics.count))
        for topic in index.topics {
            hash.combine(topic.slug)
            hash.combine(topic.name)
        }
        for article in articles {
            guard let article else { return nil }
            hash.combine(article)
        }
        return hash.value
    }

    /// Each article's part of `key`, on every core; nil where an article has no body.
    static func articleKeys(index: SiteIndex, body: @Sendable (Int) -> SearchBodyTerms?) -> [UInt64?] {
        parallelMap(index.articles.count) { i in body(i).map { articleKey(i, index: index, body: $0) } }
    }

    /// Article `i`'s part of `key`: its path, its topics and its body's terms.
    static func articleKey(_ i: Int, index: SiteIndex, body: SearchBodyTerms) -> UInt64 {
        var hash = StableHash()
        hash.combine(index.articles[i].source.path)
        hash.combine(UInt64(index.articleTopics[i].count))
        for topic in index.articleTopics[i] { hash.combine(UInt64(topic)) }
        hash.combine(UInt64(body.length))
        hash.combine(body.packed)
        hash.combine(body.head)
        return hash.value
    }

    /// The last build's term records, in the order of its files, from its files as its manifest lists
    /// them; nil when one is missing, is not what the last build wrote, or does not read.
    static func previousRecords(in recorder: OutputRecorder) -> [SearchIndexLayout.TermRecord]? {
        func file(_ path: String) -> [UInt8]? {
            guard let record = recorder.previous[path], let bytes = recorder.sink.contents(of: path),
                  StableHash.of(bytes) == record.hash else { return nil }
            return bytes
        }
        var postings: [Int: [UInt8]] = [:]
        var records: [SearchIndexLayout.TermRecord] = []
        var k = 0
        while recorder.previous["search/terms/\(k).json"] != nil {
            guard let bytes = file("search/terms/\(k).json"), let entries = TermsFileReader.entries(bytes) else { return nil }
            for entry in entries {
                if postings[entry.file] == nil { postings[entry.file] = file("search/postings/\(entry.file).bin") }
                guard let part = postings[entry.file], entry.offset + entry.length <= part.count else { return nil }
                records.append(.init(term: entry.term, documentFrequency: entry.frequency,
                                     bytes: Array(part[entry.offset..<entry.offset + entry.length])))
            }
            k += 1
        }
        return k > 0 ? records : nil
    }

    /// `previous` with the postings of the articles `changed` replaced: each one's postings in the last
    /// build (`old`, its cached body) taken out, and its postings now (`new`) put in. Records are sorted
    /// as `SearchIndexLayout.termRecords` sorts them; nil when the update would not give what a cold
    /// build gives (above).
    ///
    /// - Parameters:
    ///   - terms: the term list both `old` and `new` bodies' numbers refer to.
    ///   - topicTerms: each topic's name's terms, sorted, by topic.
    ///   - lengths: every article's body length now; `oldLengths` in the last build.
    static func records(previous: [SearchIndexLayout.TermRecord], changed: [Int], old: [SearchBodyTerms], new: [SearchBodyTerms],
                        terms: [String], topicTerms: [[UInt32]], index: SiteIndex, lengths: [Int], oldLengths: [Int])
        -> [SearchIndexLayout.TermRecord]? {
        let indexed = lengths.count
        let average = SearchIndexLayout.average(lengths: lengths, indexed: indexed)
        guard average == SearchIndexLayout.average(lengths: oldLengths, indexed: indexed) else { return nil }
        // Each changed article's postings in the last build and now, by term.
        var postings: [UInt32: [(id: UInt32, old: UInt32?, new: UInt32?)]] = [:]
        var topics: [UInt32] = []
        for (k, i) in changed.enumerated() {
            SearchIndexBuilder.topicTerms(of: i, in: index, from: topicTerms, into: &topics)
            var mine: [UInt32: (old: UInt32?, new: UInt32?)] = [:]
            let complete = topics.withUnsafeBufferPointer { topics in
                old[k].forEachPosting(of: i, topicTerms: topics, below: terms.count, topicsBelow: terms.count) { term, code in
                    mine[UInt32(term), default: (nil, nil)].old = code
                } && new[k].forEachPosting(of: i, topicTerms: topics, below: terms.count, topicsBelow: terms.count) { term, code in
                    mine[UInt32(term), default: (nil, nil)].new = code
                }
            }
            guard complete else { return nil }
            for (term, codes) in mine {
                // The same fields and the same place in the strong set: the term's record is as it was.
                if let before = codes.old, let now = codes.new, PostingCode.fields(before) == PostingCode.fields(now),
                   SearchIndexLayout.isStrong(before, length: oldLengths[i], average: average)
                    == SearchIndexLayout.isStrong(now, length: lengths[i], average: average) {
                    continue
                }
                postings[term, default: []].append((UInt32(i), codes.old, codes.new))
            }
        }
        // Each changed term's record in `previous`, found by its bytes.
        var number: [TermKey: UInt32] = [:]
        for term in postings.keys { number[TermKey(terms[Int(term)])] = term }
        var position: [UInt32: Int] = [:]
        for k in previous.indices { if let term = number[TermKey(previous[k].term)] { position[term] = k } }
        let updates = Array(postings)
        let positions = position
        let made = parallelMap(updates.count) { u -> Update in
            let (term, changes) = updates[u]
            let text = terms[Int(term)]
            var sets: [[UInt32]] = [[], [], [], []]
            var frequency = 0
            if let k = positions[term] {
                guard let decoded = SearchIndexLayout.decode(previous[k].bytes) else { return .impossible }
                sets = decoded
                frequency = previous[k].documentFrequency
            }
            let before = frequency
            for change in changes {
                // Each article counts once in the frequency, whatever its fields.
                if change.old != nil { frequency -= 1 }
                if change.new != nil { frequency += 1 }
                for s in sets.indices { remove(change.id, from: &sets[s]) }
                guard let code = change.new else { continue }
                let fields = PostingCode.fields(code)
                if fields & PostingCode.title != 0 { insert(change.id, into: &sets[0]) }
                if fields & PostingCode.meta != 0 { insert(change.id, into: &sets[1]) }
                if fields & PostingCode.body != 0 {
                    insert(change.id, into: &sets[2])
                    if SearchIndexLayout.isStrong(code, length: lengths[Int(change.id)], average: average) { insert(change.id, into: &sets[3]) }
                }
            }
            // Above half of the archive a term's strong set is left empty; crossing that line either way
            // would need every article's occurrences of the term.
            guard frequency >= 0, (before * 2 <= indexed) == (frequency * 2 <= indexed) else { return .impossible }
            if frequency * 2 > indexed { sets[3] = [] }
            // A term no article has any more has no record.
            guard frequency > 0 else { return .gone }
            return .record(.init(term: text, documentFrequency: frequency, bytes: SearchIndexLayout.encode(sets)))
        }
        var records = previous
        var gone: Set<Int> = []
        for (u, update) in made.enumerated() {
            switch update {
            case .impossible: return nil
            case .gone: if let k = position[updates[u].key] { gone.insert(k) }
            case .record(let record): if let k = position[updates[u].key] { records[k] = record } else { records.append(record) }
            }
        }
        if !gone.isEmpty { records = records.indices.filter { !gone.contains($0) }.map { records[$0] } }
        return SearchIndexLayout.sortedByBytes(records)
    }

    /// What becomes of one term's record.
    private enum Update: Sendable {
        case record(SearchIndexLayout.TermRecord)
        /// No article has the term any more.
        case gone
        /// Not as a cold build would make it.
        case impossible
    }

    private static func remove(_ id: UInt32, from set: inout [UInt32]) {
        let k = set.lowerBound(of: id)
        if k < set.count, set[k] == id { set.remove(at: k) }
    }

    private static func insert(_ id: UInt32, into set: inout [UInt32]) {
        let k = set.lowerBound(of: id)
        if k == set.count || set[k] != id { set.insert(id, at: k) }
    }
}

/// Reads a terms file of the index (`search/terms/K.json`) as `SearchIndexLayout` writes it: an array of
/// `[term, document frequency, postings file, offset, length]`. Anything else gives nil.
enum TermsFileReader {
    struct Entry {
        var term: String
        var frequency: Int
        var file: Int
        var offset: Int
        var length: Int
    }

    static func entries(_ bytes: [UInt8]) -> [Entry]? {
        var reader = Reader(bytes: bytes)
        var entries: [Entry] = []
        guard reader.take(0x5B) else { return nil }
        if reader.take(0x5D) { return reader.atEnd ? entries : nil }
        repeat {
            guard reader.take(0x5B), let term = reader.string(), reader.take(0x2C), let frequency = reader.number(), reader.take(0x2C),
                  let file = reader.number(), reader.take(0x2C), let offset = reader.number(), reader.take(0x2C),
                  let length = reader.number(), reader.take(0x5D) else { return nil }
            entries.append(Entry(term: term, frequency: frequency, file: file, offset: offset, length: length))
        } while reader.take(0x2C)
        return reader.take(0x5D) && reader.atEnd ? entries : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// A non-negative integer of at most 15 digits.
        mutating func number() -> Int? {
            var value = 0, digits = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, digits < 15 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }

        /// A JSON string with the escapes `JSONValue.appendString` writes (`\"`, `\\`, `\n`, `\r`, `\t`,
        /// `\uXXXX` of a character of the Basic Multilingual Plane).
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            var utf8: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case 0x22:
                    return String(validating: utf8, as: UTF8.self)
                case 0x5C:
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case 0x22, 0x5C, 0x2F: utf8.append(escape)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        let digits = position + 4 <= bytes.count ? bytes[position..<position + 4] : []
                        guard digits.count == 4, digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }),
                              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value)
                        else { return nil }
                        position += 4
                        utf8.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                case 0..<0x20: return nil
                default: utf8.append(byte)
                }
            }
            return nil
        }
    }
}
