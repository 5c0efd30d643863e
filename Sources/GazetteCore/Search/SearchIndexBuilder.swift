import Synchronization

/// Collects the search terms of every article while its page renders, from any thread, so that each
/// body is read and rendered exactly once. `collected()` merges what the threads gathered, and
/// `SearchIndexLayout` writes it out.
final class SearchIndexBuilder: Sendable {
    let context: SiteContext
    private let dictionary = TermDictionary()
    /// Analyzers not in use; each thread borrows one per article.
    private let idle = Mutex<[TermAnalyzer]>([])
    /// Every analyzer made, to merge at the end.
    private let all = Mutex<[TermAnalyzer]>([])

    /// Characters of body text kept per article for snippets.
    static let excerptLength = 200

    /// Everything the index is made of, merged.
    struct Collected {
        /// Terms by number.
        var terms: [String]
        /// Per term number: packed `PostingCode`s, in no particular order.
        var postings: [[UInt32]]
        var excerpts: [String]
        var bodyLengths: [Int]
        var indexed: Int
    }

    init(context: SiteContext) {
        self.context = context
    }

    /// Indexes article `i` from its metadata and its body's rendered HTML.
    func add(article i: Int, bodyHTML: String) {
        let index = context.index
        let article = index.articles[i]
        var meta = index.articleTopics[i].map { index.topics[$0].name }
        meta += [article.dateline ?? "", article.summary] + article.highlights
        let excerpt = PlainText.excerpt(fromHTML: bodyHTML, limit: Self.excerptLength)
        let analyzer = idle.withLock { $0.popLast() } ?? made()
        analyzer.index(i, title: article.title, meta: meta, bodyHTML: bodyHTML, excerpt: excerpt)
        idle.withLock { $0.append(analyzer) }
    }

    private func made() -> TermAnalyzer {
        let analyzer = TermAnalyzer(dictionary: dictionary)
        all.withLock { $0.append(analyzer) }
        return analyzer
    }

    /// What every thread gathered, merged; call once, after every `add`.
    func collected() -> Collected {
        let analyzers = all.withLock { $0 }
        let terms = dictionary.terms
        let count = context.index.articles.count
        var collected = Collected(terms: terms, postings: Array(repeating: [], count: terms.count),
                                  excerpts: Array(repeating: "", count: count), bodyLengths: Array(repeating: 0, count: count), indexed: 0)
        for analyzer in analyzers {
            for (number, postings) in analyzer.postings.enumerated() where !postings.isEmpty {
                collected.postings[number] += postings
            }
            for document in analyzer.documents {
                collected.excerpts[document.id] = document.excerpt
                collected.bodyLengths[document.id] = document.length
                collected.indexed += 1
            }
        }
        return collected
    }
}
