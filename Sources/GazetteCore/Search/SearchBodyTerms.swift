/// What one article's body gives the search index: its distinct terms with their occurrence counts,
/// its length in terms and the excerpt its results show.
///
/// The body is the costly part of indexing (reading the file, rendering the Markdown, tokenizing it) and
/// depends on the file alone, so the build cache keeps it with the file's source record: when the index
/// must be written again, only the bodies that changed are read. Titles and meta fields are not in here,
/// as topic names depend on other files; they are analyzed again on every rewrite.
///
/// Terms are numbers into the build's `TermDictionary` (kept between builds as a `SearchTermList`),
/// packed in increasing order as unsigned LEB128 varints of `(gap << 4) | count`, where `gap` is the
/// distance from the previous term's number minus one (the first term's number itself) and `count`
/// (1 to 15) the body occurrences, saturated as postings keep them. That is one or two bytes a term
/// for most bodies.
struct SearchBodyTerms: Sendable, Equatable {
    var packed: [UInt8]
    /// Words in the body, every occurrence counted: the BM25 document length.
    var length: Int
    var excerpt: String

    /// Bumped when tokenizing, folding, stemming or excerpts change, so that cached bodies are read again.
    static let version = 1

    init(packed: [UInt8], length: Int, excerpt: String) {
        self.packed = packed
        self.length = length
        self.excerpt = excerpt
    }

    /// Packs `terms`, sorted by term number and each number once, with their counts (1 to 15).
    init(terms: [(number: UInt32, count: UInt8)], length: Int, excerpt: String) {
        var packed: [UInt8] = []
        packed.reserveCapacity(terms.count + terms.count / 2)
        var previous: Int64 = -1
        for (number, count) in terms {
            let gap = UInt64(Int64(number) - previous - 1)
            PostingSet.appendVarint(gap << 4 | UInt64(count & 15), to: &packed)
            previous = Int64(number)
        }
        self.init(packed: packed, length: length, excerpt: excerpt)
    }

    /// Calls `body` with each term's number and count, in increasing order.
    ///
    /// Returns false, having stopped, at the first term that is malformed or not below `limit`
    /// (a damaged cache, or numbers into another term list).
    @discardableResult
    func forEachTerm(below limit: Int, _ body: (UInt32, UInt8) -> Void) -> Bool {
        var offset = 0
        var number: UInt64 = 0
        var first = true
        while offset < packed.count {
            guard let value = PostingSet.readVarint(packed, &offset) else { return false }
            let gap = value >> 4, count = UInt8(value & 15)
            guard count > 0, gap < UInt64(limit) else { return false }
            number = first ? gap : number + gap + 1
            first = false
            guard number < UInt64(limit) else { return false }
            body(UInt32(number), count)
        }
        return true
    }

    /// True when every term number is well formed and below `limit`.
    func isValid(termCount limit: Int) -> Bool {
        forEachTerm(below: limit) { _, _ in }
    }

    /// What the cache keeps depends on the code that analyzes text and on the Markdown settings: a change of
    /// either makes every cached body useless.
    static func cacheKey(markdownUnsafe: Bool) -> UInt64 {
        var hash = StableHash()
        hash.combine(GazetteVersion.current)
        hash.combine(version)
        hash.combine(SearchIndexBuilder.excerptLength)
        hash.combine(markdownUnsafe ? 1 : 0)
        return hash.value
    }
}
