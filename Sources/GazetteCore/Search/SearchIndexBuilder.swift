import Synchronization

/// Collects what the search index is made of, from any thread: what each article's file gives (its body,
/// title and own meta fields) as its page renders, or from the build cache (`SearchBodyTerms`); then
/// `collected(bodies:)` adds the topic names and lays out every posting, and `SearchIndexLayout` writes
/// it out.
final class SearchIndexBuilder: Sendable {
    let context: SiteContext
    /// Term numbers; started from the cached term list when there is one, so cached bodies fit.
    let dictionary: TermDictionary
    /// Analyzers not in use; each thread borrows one per article.
    private let idle = Mutex<[TermAnalyzer]>([])
    /// The articles analyzed in this build (`add`), by article.
    private let analyzed = Mutex<[Int: SearchBodyTerms]>([:])

    /// Characters of body text kept per article for snippets.
    static let excerptLength = 200

    /// Everything the index is made of.
    struct Collected {
        /// Terms by number.
        var terms: [String]
        /// Every posting (packed `PostingCode`s), term after term: term `t`'s are `codes[starts[t]..<starts[t + 1]]`,
        /// in increasing article order.
        var codes: [UInt32]
        var starts: [Int]
        var excerpts: [String]
        var bodyLengths: [Int]
        var indexed: Int

        func postings(of term: Int) -> ArraySlice<UInt32> {
            codes[starts[term]..<starts[term + 1]]
        }

        /// How many terms some article has: the others belong to articles gone or changed.
        var termsInUse: Int {
            starts.indices.dropLast().count { starts[$0] < starts[$0 + 1] }
        }
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
        TermAnalyzer(dictionary: dictionary)
    }

    /// Each topic's name's terms, by topic: analyzed once, not once per article in it. New terms are
    /// numbered in the dictionary.
    func topicTerms() -> [[UInt32]] {
        context.index.topics.map { topic in
            withAnalyzer { analyzer in
                var numbers: [UInt32] = []
                analyzer.forEachTerm(in: topic.name) { numbers.append($0) }
                return numbers
            }
        }
    }

    /// The terms of article `i`'s topics' names (`topicTerms`, by topic) into `terms`, sorted, as
    /// `SearchBodyTerms.forEachPosting` takes them: the one rule for both ways of making the index.
    static func topicTerms(of i: Int, in index: SiteIndex, from topicTerms: [[UInt32]], into terms: inout [UInt32]) {
        terms.removeAll(keepingCapacity: true)
        for t in index.articleTopics[i] { terms += topicTerms[t] }
        terms.sort()
    }

    /// Indexes every article from what its file gave (`bodies`, by article; an article without one is
    /// left out) and its topics' names. Call once, after every `add`.
    ///
    /// Two passes over the articles, each on every core in parts of consecutive articles: the first
    /// counts each term's postings in each part, the second writes them where those counts put them.
    /// Each term's postings then lie together, in article order, in one array: no array per term to
    /// grow a posting at a time, and none to merge or sort afterwards.
    ///
    /// - Parameter limits: by article, the term count its body's numbers must stay below (a cached body's,
    ///   that of the term list it was cached with); clamped to the dictionary's.
    /// - Returns: nil, with the articles whose bodies are malformed or out of range, when there are any:
    ///   those must be analyzed again.
    func collected(bodies: [SearchBodyTerms?], limits: [Int]) -> (Collected?, invalid: [Int]) {
        let index = context.index
        let topicTerms = self.topicTerms()
        let termCount = dictionary.terms.count
        let count = bodies.count
        // A few parts a core, for balance; at most 16, as each holds a count and an offset per term.
        let partCount = min(cores * 4, 16)
        let partSize = max(1, (count + partCount - 1) / partCount)
        let parts = stride(from: 0, to: count, by: partSize).map { $0..<min(count, $0 + partSize) }
        @Sendable @inline(__always) func eachPosting(in part: Range<Int>, invalid: (Int) -> Void, _ body: (Int, UInt32) -> Void) {
            var topics: [UInt32] = []
            for i in part {
                guard let terms = bodies[i] else { continue }
                Self.topicTerms(of: i, in: index, from: topicTerms, into: &topics)
                let limit = min(limits[i], termCount)
                if !topics.withUnsafeBufferPointer({ terms.forEachPosting(of: i, topicTerms: $0, below: limit, topicsBelow: termCount, body) }) {
                    invalid(i)
                }
            }
        }
        // Counted and placed through buffer pointers: every term number `forEachPosting` gives is below
        // `termCount`, which it checks. The counting pass also finds the bodies that do not decode.
        let counted = parallelMap(parts.count) { p -> (counts: [Int32], invalid: [Int]) in
            var counts = [Int32](repeating: 0, count: termCount)
            var invalid: [Int] = []
            counts.withUnsafeMutableBufferPointer { counts in
                eachPosting(in: parts[p], invalid: { invalid.append($0) }) { term, _ in counts[term] += 1 }
            }
            return (counts, invalid)
        }
        let invalid = counted.flatMap(\.invalid)
        guard invalid.isEmpty else { return (nil, invalid) }
        let counts = counted.map(\.counts)
        // Where each part's postings of each term go: after the earlier terms', and the earlier parts'.
        var starts = [Int](repeating: 0, count: termCount + 1)
        var next = [[Int]](repeating: [], count: parts.count)
        for p in parts.indices { next[p].reserveCapacity(termCount) }
        var total = 0
        for t in 0..<termCount {
            starts[t] = total
            for p in parts.indices {
                next[p].append(total)
                total += Int(counts[p][t])
            }
        }
        starts[termCount] = total
        let firsts = next
        let codes = [UInt32](unsafeUninitializedCapacity: total) { buffer, initialized in
            let slots = Slots(buffer)
            _ = parallelMap(parts.count) { p -> Bool in
                var at = firsts[p]
                at.withUnsafeMutableBufferPointer { at in
                    eachPosting(in: parts[p], invalid: { _ in }) { term, code in
                        slots.initialize(at[term], to: code)
                        at[term] += 1
                    }
                }
                return true
            }
            initialized = total
        }
        var collected = Collected(terms: dictionary.terms, codes: codes, starts: starts,
                                  excerpts: Array(repeating: "", count: count), bodyLengths: Array(repeating: 0, count: count), indexed: 0)
        for i in bodies.indices {
            guard let terms = bodies[i] else { continue }
            collected.excerpts[i] = terms.excerpt
            collected.bodyLengths[i] = terms.length
            collected.indexed += 1
        }
        return (collected, [])
    }
}
