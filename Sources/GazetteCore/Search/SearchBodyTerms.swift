/// What one article gives the search index from its own file: its body's distinct terms with their
/// occurrence counts, its length in terms, the excerpt its results show, and the terms of its title and
/// of its own meta fields (dateline, summary, highlights).
///
/// Rendering and tokenizing the body is the costly part of indexing, and all of this depends on the file
/// alone, so the build cache keeps it with the file's source record: when the index must be written
/// again, only the articles that changed are analyzed. Topic names are not in here, as they depend on
/// other files; each topic's name is analyzed once per rewrite.
///
/// Terms are numbers into the build's `TermDictionary` (kept between builds as a `SearchTermList`),
/// packed in increasing order as unsigned LEB128 varints of `(gap << 4) | count` for the body and
/// `(gap << 2) | fields` for the title and meta fields, where `gap` is the distance from the previous
/// term's number minus one (the first term's number itself), `count` (1 to 15) the body occurrences,
/// saturated as postings keep them, and `fields` the `PostingCode` title and meta bits. That is one or
/// two bytes a term for most articles.
///
/// Its fields live in one immutable object, as an `Article`'s do: a body is copied out of its record, into
/// the index's lists and back, and a copy is then one retain, not three.
struct SearchBodyTerms: Sendable, Equatable {
    var packed: [UInt8] {
        _read { yield box.value.packed }
        _modify { yield &fields.packed }
    }
    /// The title's and meta fields' terms.
    var head: [UInt8] {
        _read { yield box.value.head }
        _modify { yield &fields.head }
    }
    /// Words in the body, every occurrence counted: the BM25 document length.
    var length: Int {
        _read { yield box.value.length }
        _modify { yield &fields.length }
    }
    var excerpt: String {
        _read { yield box.value.excerpt }
        _modify { yield &fields.excerpt }
    }

    private var box: Shared<Fields>

    private var fields: Fields {
        get { box.value }
        set { box = Shared(newValue) }
    }

    private struct Fields: Sendable, Equatable {
        var packed: [UInt8]
        var head: [UInt8]
        var length: Int
        var excerpt: String
    }

    /// Bumped when tokenizing, folding, stemming or excerpts change, so that cached bodies are read again.
    static let version = 3

    init(packed: [UInt8], head: [UInt8], length: Int, excerpt: String) {
        box = Shared(Fields(packed: packed, head: head, length: length, excerpt: excerpt))
    }

    static func == (lhs: SearchBodyTerms, rhs: SearchBodyTerms) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    /// Packs `terms`, sorted by term number and each number once, with their counts (1 to 15), and
    /// `head`, sorted the same way, with their fields.
    init(terms: [(number: UInt32, count: UInt8)], head: [(number: UInt32, fields: UInt8)], length: Int, excerpt: String) {
        self.init(packed: Self.pack(terms.map { ($0.number, $0.count & 15) }, bits: 4),
                  head: Self.pack(head.map { ($0.number, $0.fields & 3) }, bits: 2), length: length, excerpt: excerpt)
    }

    private static func pack(_ terms: [(UInt32, UInt8)], bits: Int) -> [UInt8] {
        var packed: [UInt8] = []
        packed.reserveCapacity(terms.count + terms.count / 2)
        var previous: Int64 = -1
        for (number, value) in terms {
            let gap = UInt64(Int64(number) - previous - 1)
            PostingSet.appendVarint(gap << bits | UInt64(value), to: &packed)
            previous = Int64(number)
        }
        return packed
    }

    /// Calls `body` with each term's number and count, in increasing order.
    ///
    /// Returns false, having stopped, at the first term that is malformed or not below `limit`
    /// (a damaged cache, or numbers into another term list).
    @discardableResult
    func forEachTerm(below limit: Int, _ body: (UInt32, UInt8) -> Void) -> Bool {
        Self.unpack(packed, bits: 4, below: limit, body)
    }

    /// Calls `body` with each title or meta term's number and its fields, in increasing order; false as
    /// `forEachTerm`.
    @discardableResult
    func forEachHeadTerm(below limit: Int, _ body: (UInt32, UInt8) -> Void) -> Bool {
        Self.unpack(head, bits: 2, below: limit, body)
    }

    private static func unpack(_ packed: [UInt8], bits: Int, below limit: Int, _ body: (UInt32, UInt8) -> Void) -> Bool {
        packed.withUnsafeBufferPointer { bytes in
            var terms = Cursor(bytes: bytes, bits: bits, below: limit)
            while let term = terms.next() { body(term.number, term.value) }
            return !terms.isMalformed
        }
    }

    /// Calls `body` with each term of article `id` once, in increasing order, with its posting: the
    /// fields it is in (the title's and meta fields' terms, `topicTerms`, sorted, as meta, the body's)
    /// and its body occurrences. A malformed packing, or a term not below `limit`, ends the article's
    /// terms and makes the result false (the postings given so far are then to be dropped); topic terms
    /// not below `topicLimit` (at least `limit`) are left out: every number `body` is given is below it.
    @inline(__always) @discardableResult
    func forEachPosting(of id: Int, topicTerms topics: UnsafeBufferPointer<UInt32>, below limit: Int, topicsBelow topicLimit: Int,
                        _ body: (Int, UInt32) -> Void) -> Bool {
        self.head.withUnsafeBufferPointer { headBytes in
            packed.withUnsafeBufferPointer { termBytes in
                var head = Cursor(bytes: headBytes, bits: 2, below: limit), terms = Cursor(bytes: termBytes, bits: 4, below: limit)
                var nextHead = head.next(), nextTerm = terms.next()
                // Sorted: the topics' terms below the limit come first.
                let topicCount = topics.prefix { Int($0) < topicLimit }.count
                var t = 0
                while true {
                    var number = UInt32.max
                    if let term = nextHead { number = term.number }
                    if let term = nextTerm, term.number < number { number = term.number }
                    if t < topicCount, topics[t] < number { number = topics[t] }
                    guard number != .max else { return !head.isMalformed && !terms.isMalformed }
                    // Head fields are title and meta bits only: nothing there is a body occurrence.
                    var fields: UInt8 = 0, count: UInt8 = 0
                    if let term = nextHead, term.number == number {
                        fields |= term.value
                        nextHead = head.next()
                    }
                    if let term = nextTerm, term.number == number {
                        fields |= PostingCode.body
                        count = term.value
                        nextTerm = terms.next()
                    }
                    while t < topicCount, topics[t] == number {
                        fields |= PostingCode.meta
                        t += 1
                    }
                    body(Int(number), PostingCode.pack(id, fields: fields, count: count))
                }
            }
        }
    }

    /// Reads packed terms one at a time, in increasing order; stops at the first that is malformed or
    /// not below `limit`. Reads the bytes in place: the index's postings are millions of these.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let bits: Int
        let limit: UInt64
        private var offset = 0
        private var number: UInt64 = 0
        private var started = false
        private(set) var isMalformed = false

        init(bytes: UnsafeBufferPointer<UInt8>, bits: Int, below limit: Int) {
            self.bytes = bytes
            self.bits = bits
            self.limit = UInt64(limit)
        }

        @inline(__always)
        mutating func next() -> (number: UInt32, value: UInt8)? {
            guard offset < bytes.count, !isMalformed else { return nil }
            guard let packed = PostingSet.readVarint(bytes, &offset) else { isMalformed = true; return nil }
            let gap = packed >> bits, value = UInt8(packed & (1 << bits - 1))
            // Both below `limit` (at most Int.max): the sum cannot overflow.
            guard value > 0, gap < limit, !started || number + gap + 1 < limit else { isMalformed = true; return nil }
            number = started ? number + gap + 1 : gap
            started = true
            return (UInt32(truncatingIfNeeded: number), value)
        }
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
