import Foundation

/// Lays the collected search index out as static files under `search/`, split so that a query
/// downloads only the pieces it needs (docs/search.md has the format):
///
/// - `search/meta.json`: counts, the first term of each terms file, topics, years' article ranges;
/// - `search/terms/K.json`: a sorted range of terms, each with its document frequency and where its postings are;
/// - `search/postings/N.bin`: the postings of a range of terms, four `PostingSet`s per term;
/// - `search/docs/N.json`: what a result shows (headline, link, date, topics, snippet text) for `docsPerChunk` articles.
struct SearchIndexLayout {
    static let format = 1
    /// True for the files of the index, which sit beside the search page (`search/index.html`).
    static func isIndexFile(_ path: String) -> Bool {
        path.hasPrefix("search/") && path != "search/index.html"
    }
    /// A postings file holds terms until about this size (one term larger than this has a file of its own).
    static let postingsFileBytes = 32 * 1024
    static let termsFileBytes = 16 * 1024
    static let docsPerChunk = 10

    /// The articles of each `search/docs/N.json`, by N.
    static func documentChunks(articles count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: docsPerChunk).map { $0..<min(count, $0 + docsPerChunk) }
    }

    static func documentsPath(_ chunk: Int) -> String { "search/docs/\(chunk).json" }
    /// BM25's term-frequency saturation, for the "strong" body set: a body counts as strong for a term
    /// when `tf·(k1+1) / (tf + k1·(1 − b + b·length/average))` reaches `strongThreshold`.
    static let k1 = 1.2, b = 0.75, strongThreshold = 1.5

    let context: SiteContext
    /// What each article's result shows of its body, by article.
    let excerpts: [String]

    /// One term's postings, encoded.
    struct TermRecord: Sendable {
        var term: String
        var documentFrequency: Int
        var bytes: [UInt8]
    }

    /// Every file of the index, by path under the output root, from every term's record (`termRecords`,
    /// in that order), but for the result-list files in `kept` (by chunk, with the hash of their bytes),
    /// which the last build wrote as they would be now.
    func files(records: [TermRecord], keptDocuments kept: [Int: UInt64] = [:]) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        var location: [(file: Int, offset: Int)] = []
        var postings: [UInt8] = []
        for record in records {
            if !postings.isEmpty, postings.count + record.bytes.count > Self.postingsFileBytes {
                files.append(("search/postings/\(files.count).bin", postings))
                postings = []
            }
            location.append((files.count, postings.count))
            postings += record.bytes
        }
        if !postings.isEmpty { files.append(("search/postings/\(files.count).bin", postings)) }

        var firstTerms: [String] = []
        var start = 0
        while start < records.count {
            var json = JSONText()
            var end = start
            json.raw("[")
            while end < records.count, end == start || json.bytes.count < Self.termsFileBytes {
                let record = records[end]
                if end > start { json.raw(",") }
                json.raw("[")
                json.string(record.term)
                json.raw(",\(record.documentFrequency),\(location[end].file),\(location[end].offset),\(record.bytes.count)]")
                end += 1
            }
            json.raw("]")
            files.append(("search/terms/\(firstTerms.count).json", json.bytes))
            firstTerms.append(records[start].term)
            start = end
        }
        var hashes = files.map { ($0.path, StableHash.of($0.bytes)) }
        let documents = documentFiles(skipping: kept)
        var written = documents.makeIterator()
        for chunk in Self.documentChunks(articles: context.index.articles.count).indices {
            if let hash = kept[chunk] {
                hashes.append((Self.documentsPath(chunk), hash))
            } else if let file = written.next() {
                hashes.append((file.path, StableHash.of(file.bytes)))
            }
        }
        files += documents
        files.append(("search/meta.json", manifest(firstTerms: firstTerms, build: Self.fingerprint(hashes))))
        return files
    }

    /// Every term's record, sorted by the term's UTF-8 bytes (which is code point order, as the script compares).
    static func termRecords(_ collected: SearchIndexBuilder.Collected, topics: [Topic]) -> [TermRecord] {
        let terms = collected.terms
        let lengths = collected.bodyLengths
        let average = Self.average(lengths: lengths, indexed: collected.indexed)
        var records = parallelMap(terms.count) { t -> TermRecord? in
            // A term of the cached list that no article has any more.
            let codes = collected.postings(of: t)
            guard !codes.isEmpty else { return nil }
            // In over half the archive a term's idf is near zero: which bodies repeat it cannot change a ranking.
            let ranksBodies = codes.count * 2 <= collected.indexed
            var title: [UInt32] = [], meta: [UInt32] = [], body: [UInt32] = [], strong: [UInt32] = []
            for code in codes {
                let id = PostingCode.id(code)
                let fields = PostingCode.fields(code)
                if fields & PostingCode.title != 0 { title.append(UInt32(id)) }
                if fields & PostingCode.meta != 0 { meta.append(UInt32(id)) }
                if fields & PostingCode.body != 0 { body.append(UInt32(id)) }
                if ranksBodies, Self.isStrong(code, length: lengths[id], average: average) { strong.append(UInt32(id)) }
            }
            return TermRecord(term: terms[t], documentFrequency: codes.count, bytes: Self.encode([title, meta, body, strong]))
        }.compactMap { $0 }
        // Topic filters are terms no text can produce: `#` and the topic's slug.
        for topic in topics {
            let ids = topic.articles.map { UInt32($0) }
            records.append(TermRecord(term: "#" + topic.slug, documentFrequency: ids.count, bytes: Self.encode([[], [], ids, []])))
        }
        return Self.sortedByBytes(records)
    }

    /// `records` in the order of their terms' UTF-8 bytes. Numbers are sorted, not records (moving one
    /// costs more than comparing), and mostly by the terms' first eight bytes as one integer: tens of
    /// thousands of terms are sorted on every rewrite of the index.
    static func sortedByBytes(_ records: [TermRecord]) -> [TermRecord] {
        let prefixes = records.map { record in
            var term = record.term
            return term.withUTF8 { bytes in
                var prefix: UInt64 = 0
                // Bytes past the end count as 0, which no term has: a term before its extensions.
                for k in 0..<8 { prefix = prefix << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
                return prefix
            }
        }
        let order = records.indices.sorted { a, b in
            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
            return records[a].term.utf8.lexicographicallyPrecedes(records[b].term.utf8)
        }
        return order.map { records[$0] }
    }

    /// The average body length the strong sets compare each body with, rounded to two significant digits:
    /// an edit of a few articles then rarely changes it, and while it does not, no other article's place in
    /// a strong set changes (`SearchIndexUpdate`).
    static func average(lengths: [Int], indexed: Int) -> Double {
        let exact = max(1, Double(lengths.reduce(0, +)) / Double(max(1, indexed)))
        let step = pow(10, (log10(exact)).rounded(.down) - 1)
        return max(1, (exact / step).rounded() * step)
    }

    /// Whether a posting (`PostingCode`) puts its article in the term's strong set: a body posting whose
    /// term-frequency weight reaches the threshold.
    static func isStrong(_ code: UInt32, length: Int, average: Double) -> Bool {
        guard PostingCode.fields(code) & PostingCode.body != 0 else { return false }
        let count = Double(PostingCode.count(code))
        return count * (k1 + 1) / (count + k1 * (1 - b + b * Double(length) / average)) >= strongThreshold
    }

    static func encode(_ sets: [[UInt32]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for set in sets { PostingSet.encode(set, into: &bytes) }
        return bytes
    }

    /// The sets `encode` wrote, or nil when `bytes` are not four whole sets.
    static func decode(_ bytes: [UInt8]) -> [[UInt32]]? {
        var offset = 0
        var sets: [[UInt32]] = []
        for _ in 0..<4 {
            guard let set = PostingSet.decode(bytes, at: &offset) else { return nil }
            sets.append(set)
        }
        return offset == bytes.count ? sets : nil
    }

    /// A hash over every file's path and content hash, so that scripts can tell one build's files from
    /// another's (content hashes, so that files kept from the last build need not be read).
    static func fingerprint(_ files: [(path: String, hash: UInt64)]) -> String {
        var hash = StableHash()
        for file in files {
            hash.combine(file.path)
            hash.combine(file.hash)
        }
        return StableHash.hex(hash.value)
    }
}
