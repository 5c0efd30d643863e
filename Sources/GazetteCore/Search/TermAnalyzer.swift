/// Indexes documents on one thread: folds and stems their words (`Tokenizer`, `Stemmer`), counts
/// each term's fields and body occurrences, and appends one posting per term and document.
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

    /// Indexes one document from its fields; `body` is HTML.
    func index(_ id: Int, title: String, meta: [String], bodyHTML: String, excerpt: String) {
        // Work on locals: a class's stored properties would be checked for exclusive access on every word.
        var document = DocumentCounts(fields: fields, counts: counts, touched: touched)
        fields = []
        counts = []
        touched = []
        forEachTerm(in: title) { document.record($0, PostingCode.title) }
        for text in meta { forEachTerm(in: text) { document.record($0, PostingCode.meta) } }
        var bodyLength = 0
        forEachTerm(in: bodyHTML, html: true) { number in
            document.record(number, PostingCode.body)
            bodyLength += 1
        }
        if postings.count < document.fields.count {
            postings += Array(repeating: [], count: document.fields.count - postings.count)
        }
        for number in document.touched {
            let n = Int(number)
            postings[n].append(PostingCode.pack(id, fields: document.fields[n], count: document.counts[n]))
            document.fields[n] = 0
            document.counts[n] = 0
        }
        document.touched.removeAll(keepingCapacity: true)
        (fields, counts, touched) = (document.fields, document.counts, document.touched)
        documents.append((id, bodyLength, excerpt))
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
        if n >= fields.count {
            let grown = max(n + 1, fields.count * 2)
            fields += Array(repeating: 0, count: grown - fields.count)
            counts += Array(repeating: 0, count: grown - counts.count)
        }
        if fields[n] == 0 { touched.append(number) }
        fields[n] |= field
        if field == PostingCode.body, counts[n] < PostingCode.maximumCount { counts[n] += 1 }
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
