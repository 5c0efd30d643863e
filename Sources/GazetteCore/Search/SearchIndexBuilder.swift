import Synchronization

/// Collects what the search index is made of, from any thread: what each article's file gives (its body,
/// title and own meta fields) as its page renders, or from the build cache (`SearchBodyTerms`); then
/// `collected(bodies:)` adds the topic names, merges what the threads gathered, and `SearchIndexLayout`
/// writes it out.
final class SearchIndexBuilder: Sendable {
    let context: SiteContext
    /// Term numbers; started from the cached term list when there is one, so cached bodies fit.
    let dictionary: TermDictionary
    /// Analyzers not in use; each thread borrows one per article.
    private let idle = Mutex<[TermAnalyzer]>([])
    /// Every analyzer made, to merge at the end.
    private let all = Mutex<[TermAnalyzer]>([])
    /// The articles analyzed in this build (`add`), by article.
    private let analyzed = Mutex<[Int: SearchBodyTerms]>([:])

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

    init(context: SiteContext, dictionary: TermDictionary = TermDictionary()) {
        self.context = context
        self.dictionary = dictionary
    }

    /// Analyzes article `i`: its body from its rendered HTML, its title and its own meta fields.
    func add(article i: Int, bodyHTML: String) {
        let article = context.index.articles[i]
        let excerpt = PlainText.excerpt(fromHTML: bodyHTML, limit: Self.excerptLength)
        let meta = [article.dateline ?? "", article.summary] + article.highlights
        let terms = withAnalyzer { $0.document(title: article.title, meta: meta, html: bodyHTML, excerpt: excerpt) }
        analyzed.withLock { $0[i] = terms }
    }

    /// What this build analyzed (`add`), by article.
    var bodies: [Int: SearchBodyTerms] {
        analyzed.withLock { $0 }
    }

    private func withAnalyzer<T>(_ body: (TermAnalyzer) -> T) -> T {
        let analyzer = idle.withLock { $0.popLast() } ?? made()
        defer { idle.withLock { $0.append(analyzer) } }
        return body(analyzer)
    }

    private func made() -> TermAnalyzer {
        let analyzer = TermAnalyzer(dictionary: dictionary)
        all.withLock { $0.append(analyzer) }
        return analyzer
    }

    /// Indexes every article from what its file gave (`bodies`, by article; an article without one is
    /// left out) and its topics' names, and merges what every thread gathered. Call once, after every `add`.
    func collected(bodies: [SearchBodyTerms?]) -> Collected {
        let index = context.index
        // A topic's name is analyzed once, not once per article in it.
        let topicTerms = index.topics.map { topic in
            withAnalyzer { analyzer in
                var numbers: [UInt32] = []
                analyzer.forEachTerm(in: topic.name) { numbers.append($0) }
                return numbers
            }
        }
        _ = parallelMap(bodies.count) { i -> Bool in
            guard let terms = bodies[i] else { return false }
            withAnalyzer { $0.index(i, topicTerms: index.articleTopics[i].map { topicTerms[$0] }, terms: terms) }
            return true
        }
        return merged()
    }

    private func merged() -> Collected {
        let analyzers = all.withLock { $0 }
        let terms = dictionary.terms
        let count = context.index.articles.count
        var collected = Collected(terms: terms, postings: Array(repeating: [], count: terms.count),
                                  excerpts: Array(repeating: "", count: count), bodyLengths: Array(repeating: 0, count: count), indexed: 0)
        for analyzer in analyzers {
            for (number, postings) in analyzer.takePostings().enumerated() where !postings.isEmpty {
                if collected.postings[number].isEmpty {
                    collected.postings[number] = postings
                } else {
                    collected.postings[number] += postings
                }
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
