import Synchronization

/// Turns text into search terms: the tokenizer's folded words, English ones stemmed.
///
/// Stems are cached, since a few thousand words make up most of an archive. An analyzer is used by one
/// thread at a time: `AnalyzerPool` lends them out, so the caches need no lock.
final class TermAnalyzer: @unchecked Sendable {
    private var tokenizer = Tokenizer()
    private var stems: [String: String] = [:]
    /// Bounds the cache on archives with very many distinct words.
    static let cacheLimit = 200_000

    /// Calls `body` with each term of `text`, in order.
    func forEachTerm(in text: String, html: Bool = false, _ body: (String) -> Void) {
        tokenizer.forEachWord(in: text, html: html) { word, isASCII in
            let folded = String(decoding: word, as: UTF8.self)
            guard isASCII else { return body(folded) }
            if let stem = stems[folded] { return body(stem) }
            let stem = String(decoding: Stemmer.stem(Array(word)), as: UTF8.self)
            if stems.count >= Self.cacheLimit { stems.removeAll(keepingCapacity: true) }
            stems[folded] = stem
            body(stem)
        }
    }

    /// The terms of `text`, for tests and for single strings.
    func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }
}

/// Lends analyzers to the threads that render pages, so each keeps a warm stem cache.
final class AnalyzerPool: Sendable {
    private let idle = Mutex<[TermAnalyzer]>([])

    func withAnalyzer<T>(_ body: (TermAnalyzer) -> T) -> T {
        let analyzer = idle.withLock { $0.popLast() } ?? TermAnalyzer()
        defer { idle.withLock { $0.append(analyzer) } }
        return body(analyzer)
    }
}
