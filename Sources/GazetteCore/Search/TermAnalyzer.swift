/// Analyzes documents on one thread: folds and stems their words (`Tokenizer`, `Stemmer`) and gathers
/// what each article's file gives, its terms with their fields and body occurrences (`SearchBodyTerms`).
///
/// Nothing here is shared, so there is no lock per word or per document: `SearchIndexBuilder` lends
/// each analyzer to one thread at a time.
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
        document.touched.radixSort()
        let head = document.touched.map { (number: $0, fields: document.fields[Int($0)]) }
        returnCounts(&document)
        var length = 0
        forEachTerm(in: html, html: true) { number in
            document.record(number, PostingCode.body)
            length += 1
        }
        document.touched.radixSort()
        let terms = document.touched.map { (number: $0, count: document.counts[Int($0)]) }
        returnCounts(&document)
        return SearchBodyTerms(terms: terms, head: head, length: length, excerpt: excerpt)
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
        tokenizer.forEachWord(in: text, html: html) { word, isASCII, hash in
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
