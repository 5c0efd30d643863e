import Synchronization

/// Collects the search terms of every article while its page renders, from any thread, so that each
/// body is read and rendered exactly once. `files()` then lays the index out (`SearchIndex+Layout`).
final class SearchIndexBuilder: Sendable {
    let context: SiteContext
    private let analyzers = AnalyzerPool()
    private let state: Mutex<Collected>

    /// Characters of body text kept per article for snippets.
    static let excerptLength = 280

    /// What has been merged so far. Postings are appended in the order articles finish rendering.
    struct Collected {
        var terms: [String: TermPostings] = [:]
        var excerpts: [String]
        var bodyLengths: [UInt32]
        var added: Int = 0
    }

    /// The documents a term is in: packed `id << 16 | fields << 8 | bodyCount`, so one sort orders them.
    struct TermPostings {
        var packed: [UInt64] = []
    }

    init(context: SiteContext) {
        self.context = context
        let count = context.index.articles.count
        state = Mutex(Collected(excerpts: Array(repeating: "", count: count), bodyLengths: Array(repeating: 0, count: count)))
    }

    /// Indexes article `i` from its metadata and its body's rendered HTML.
    func add(article i: Int, bodyHTML: String) {
        let index = context.index
        let article = index.articles[i]
        var document = DocumentTerms()
        analyzers.withAnalyzer { analyzer in
            analyzer.forEachTerm(in: article.title) { document.add($0, in: .title) }
            var meta = index.articleTopics[i].map { index.topics[$0].name }
            meta += [article.dateline ?? "", article.summary] + article.highlights
            for text in meta { analyzer.forEachTerm(in: text) { document.add($0, in: .meta) } }
            analyzer.forEachTerm(in: bodyHTML, html: true) { document.add($0, in: .body) }
        }
        let excerpt = PlainText.excerpt(fromHTML: bodyHTML, limit: Self.excerptLength)
        let id = UInt64(i) << 16
        state.withLock { collected in
            for (term, entry) in document.terms {
                collected.terms[term, default: TermPostings()].packed.append(id | UInt64(entry.fields.rawValue) << 8 | UInt64(entry.bodyCount))
            }
            collected.excerpts[i] = excerpt
            collected.bodyLengths[i] = UInt32(clamping: document.bodyLength)
            collected.added += 1
        }
    }

    /// Everything collected; the builder is not used after this.
    func collected() -> Collected {
        state.withLock { $0 }
    }
}
