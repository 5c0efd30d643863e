/// Indexes documents on one thread: folds and stems their words (`Tokenizer`, `Stemmer`), gathers
/// what each article's file gives, its terms with their fields and body occurrences (`SearchBodyTerms`),
/// and appends one posting per term and document
/// with the fields it is in.
///
/// Nothing here is shared, so there is no lock per word or per document: `SearchIndexBuilder` lends
/// each analyzer to one thread at a time, and merges the postings of all of them at the end.
final class TermAnalyzer: @unchecked Sendable {
    let dictionary: TermDictionary
    private var tokenizer = Tokenizer()
    /// Folded word → term number, for words met before.
    private var words = WordTable()
    /// Bounds the word table on archives with very many distinct words.
    static let wordLimit = 1 << 20

    /// Per term number, in the document being indexed.
    private var fields: [UInt8] = []
    private var counts: [UInt8] = []
    private var touched: [UInt32] = []

    /// Per term number: `PostingCode` values, in the order documents were indexed.
    private(set) var postings: [[UInt32]] = []
    /// `(article, body words, excerpt)` of each document indexed here.
    private(set) var documents: [(id: Int, length: Int, excerpt: String)] = []

    init(dictionary: TermDictionary) {
        self.dictionary = dictionary
    }

    /// What an article gives the index from its own file: its body's terms from the rendered HTML, each
    /// once with its occurrences, and its title's and own meta fields' terms.
    func document(title: String, meta: [String], html: String, excerpt: String) -> SearchBodyTerms {
        var document = takeCounts()
        forEachTerm(in: title) { document.record($0, PostingCode.title) }
        for text in meta { forEachTerm(in: text) { document.record($0, PostingCode.meta) } }
        // Increasing numbers pack into small gaps.
        document.touched.sort()
        let head = document.touched.map { (number: $0, fields: document.fields[Int($0)]) }
        returnCounts(&document)
        var length = 0
        forEachTerm(in: html, html: true) { number in
            document.record(number, PostingCode.body)
            length += 1
        }
        document.touched.sort()
        let terms = document.touched.map { (number: $0, count: document.counts[Int($0)]) }
        returnCounts(&document)
        return SearchBodyTerms(terms: terms, head: head, length: length, excerpt: excerpt)
    }

    /// Indexes one document from what its file gave (`document(title:meta:html:excerpt:)`, now or in an
    /// earlier build) and the terms of its topics' names.
    func index(_ id: Int, topicTerms: [[UInt32]], terms: SearchBodyTerms) {
        var document = takeCounts()
        for topic in topicTerms { for number in topic { document.record(number, PostingCode.meta) } }
        // Cached terms were checked against the term list before they came here.
        // Head fields are title and meta bits only: nothing is counted as a body occurrence.
        terms.forEachHeadTerm(below: Int.max) { document.record($0, $1) }
        terms.forEachTerm(below: Int.max) { document.record($0, bodyCount: $1) }
        if postings.count < document.fields.count {
            postings += Array(repeating: [], count: document.fields.count - postings.count)
        }
        for number in document.touched {
            let n = Int(number)
            postings[n].append(PostingCode.pack(id, fields: document.fields[n], count: document.counts[n]))
        }
        returnCounts(&document)
        documents.append((id, terms.length, terms.excerpt))
    }

    /// Hands over the postings gathered here and keeps none, so that merging holds one copy of them, not two.
    func takePostings() -> [[UInt32]] {
        defer { postings = [] }
        return postings
    }

    /// The per-term scratch arrays, moved out to a local: a class's stored properties would be checked
    /// for exclusive access on every word.
    private func takeCounts() -> DocumentCounts {
        defer { (fields, counts, touched) = ([], [], []) }
        return DocumentCounts(fields: fields, counts: counts, touched: touched)
    }

    /// Clears the entries `document` touched and keeps its arrays for the next document.
    private func returnCounts(_ document: inout DocumentCounts) {
        for number in document.touched {
            document.fields[Int(number)] = 0
            document.counts[Int(number)] = 0
        }
        document.touched.removeAll(keepingCapacity: true)
        (fields, counts, touched) = (document.fields, document.counts, document.touched)
    }

    /// Calls `body` with the number of each term of `text`, in order.
    func forEachTerm(in text: String, html: Bool = false, _ body: (UInt32) -> Void) {
        var words = self.words
        self.words = WordTable()
        defer { self.words = words }
        let dictionary = self.dictionary
        tokenizer.forEachWord(in: text, html: html) { word, isASCII in
            let hash = WordTable.hash(word)
            if let number = words.value(for: word, hash: hash) { return body(number) }
            let term = isASCII ? String(decoding: Stemmer.stem(Array(word)), as: UTF8.self) : String(decoding: word, as: UTF8.self)
            let number = dictionary.number(for: term)
            if words.count >= Self.wordLimit { words.removeAll() }
            words.insert(word, hash: hash, value: number)
            body(number)
        }
    }

    /// The terms of `text`, for tests and single strings.
    func terms(_ text: String) -> [String] {
        var numbers: [UInt32] = []
        forEachTerm(in: text) { numbers.append($0) }
        let terms = dictionary.terms
        return numbers.map { terms[Int($0)] }
    }
}

/// Which terms one document has, in which fields, how often in the body: arrays by term number,
/// reused from document to document (only the touched entries are reset).
struct DocumentCounts {
    var fields: [UInt8]
    var counts: [UInt8]
    var touched: [UInt32]

    mutating func record(_ number: UInt32, _ field: UInt8) {
        let n = Int(number)
        touch(n)
        fields[n] |= field
        if field == PostingCode.body, counts[n] < PostingCode.maximumCount { counts[n] += 1 }
    }

    /// Records a body term whose occurrences were counted before.
    mutating func record(_ number: UInt32, bodyCount: UInt8) {
        let n = Int(number)
        touch(n)
        fields[n] |= PostingCode.body
        counts[n] = bodyCount
    }

    private mutating func touch(_ n: Int) {
        if n >= fields.count {
            let grown = max(n + 1, fields.count * 2)
            fields += Array(repeating: 0, count: grown - fields.count)
            counts += Array(repeating: 0, count: grown - counts.count)
        }
        if fields[n] == 0 { touched.append(UInt32(n)) }
    }
}

/// One posting in 32 bits: the article (25 bits, so up to 33 million), the fields the term is in
/// (3 bits) and its body occurrences (4 bits, up to 15: BM25 saturates long before).
enum PostingCode {
    static let title: UInt8 = 1
    /// Topics, dateline, summary and highlights.
    static let meta: UInt8 = 2
    static let body: UInt8 = 4
    static let maximumCount: UInt8 = 15
    static let maximumArticles = 1 << 25

    static func pack(_ id: Int, fields: UInt8, count: UInt8) -> UInt32 {
        UInt32(id) << 7 | UInt32(fields) << 4 | UInt32(count)
    }

    static func id(_ code: UInt32) -> Int { Int(code >> 7) }
    static func fields(_ code: UInt32) -> UInt8 { UInt8((code >> 4) & 7) }
    static func count(_ code: UInt32) -> UInt8 { UInt8(code & 15) }
}
