/// The search index in an incremental build: its files depend on every article, so they are written
/// again whenever something a result shows or a query finds has changed: updated for the articles that
/// changed when the last build's files allow it (`SearchIndexUpdate`), else made from every article's terms.
///
/// Bodies are what costs: each article's body terms are taken from its page as it renders, or from the
/// build cache (`SourceRecord.searchBody`); only articles with neither have their bodies read and rendered
/// for the index alone. Titles and the articles' own meta fields come with the bodies; topic names are
/// analyzed again on every rewrite.
struct SearchStage: Sendable {
    let context: SiteContext
    /// Hash of everything the index is made of (`Fingerprints.search`).
    let fingerprint: UInt64
    /// Each result-list file (`search/docs/N.json`, by chunk) with a hash of what it shows
    /// (`Fingerprints.searchDocuments`): these files are kept when their own articles did not change.
    let documents: [(path: String, fingerprint: UInt64)]
    /// The same, by path.
    let documentPrints: [String: UInt64]
    /// Collects terms while pages render; nil when the index files are current.
    let builder: SearchIndexBuilder?
    /// Each article's body terms from the cache, by article; nil where there are none. Checked as the index
    /// is collected: one that does not fit the term list it was cached with (`cachedTerms` terms) is
    /// analyzed again then.
    let cached: [SearchBodyTerms?]
    let cachedTerms: Int
    /// True when the cached term list could not be used: every cached body is then useless.
    let discardsCache: Bool
    /// For the articles without a cached body whose file changed since the last build, the body the last
    /// build cached: what its index files hold of them.
    let replaced: [Int: SearchBodyTerms]
    /// Each article's part of the key of the bodies the last build's index files were made from
    /// (`SearchIndexUpdate.articleKey`), when those were the cached bodies (and `replaced`), for the same
    /// articles in the same order; empty otherwise. The key of the updated index needs only those of the
    /// articles analyzed again made anew.
    let lastArticleKeys: [UInt64?]

    /// True when the last build's index files can be updated for the articles that changed.
    var updatable: Bool { !lastArticleKeys.isEmpty }

    /// What writing the index leaves for the cache.
    struct Written {
        /// The bodies analyzed in this build, by article.
        var bodies: [Int: SearchBodyTerms]
        /// The term list they refer to.
        var terms: [String]
        /// How many of those terms the index has: the others belong to articles gone or changed.
        var termsInUse: Int
        /// Files that could not be read again for their bodies (cached ones that did not fit).
        var problems: [Diagnostic] = []
        /// `SearchIndexUpdate.key` of the bodies the index was made from, with `terms`; nil when some
        /// article's body was left out.
        var indexKey: UInt64? = nil
        /// True when the index was the last build's, updated for the articles that changed (`SearchIndexUpdate`).
        var updated = false
    }

    /// Analyzes bodies rendered for another reason (the feeds) that the index has neither analyzed nor
    /// cached, so that they are not rendered a second time for it.
    func take(_ bodies: [Int: String]) {
        guard let builder else { return }
        let analyzed = builder.bodies
        let needed = bodies.filter { analyzed[$0.key] == nil && cached[$0.key] == nil }.map { ($0.key, $0.value) }
        // On every core, as pages are analyzed while they render.
        _ = parallelMap(needed.count) { builder.add(article: needed[$0].0, bodyHTML: needed[$0].1) }
    }

    /// Renders for the index the bodies of articles neither rendered this time nor in the cache; returns
    /// the files that could not be read (the index would lack them).
    func analyzeMissingBodies(renderer: PageRenderer) -> [Diagnostic] {
        guard let builder else { return [] }
        let analyzed = builder.bodies
        let missing = Set(context.index.articles.indices.filter { analyzed[$0] == nil && cached[$0] == nil })
        return missing.isEmpty ? [] : renderer.index(missing, into: builder)
    }

    /// Writes the index from the bodies analyzed as pages rendered (or by `analyzeMissingBodies`) and the
    /// cached ones. Nil when the index was current.
    ///
    /// - Parameter renderer: renders the bodies of cached ones that turn out not to fit, to analyze them again.
    func write(to recorder: OutputRecorder, renderer: PageRenderer) throws(OutputError) -> Written? {
        guard let builder else { return nil }
        let articles = context.index.articles.indices
        var analyzed = builder.bodies
        if let (records, excerpts) = update(analyzed, builder: builder, recorder: recorder) {
            try write(records, excerpts: excerpts, to: recorder)
            let terms = builder.dictionary.terms
            // The bodies the last index was made from, but those analyzed again (`update` found every article a body).
            var articleKeys = lastArticleKeys
            for (i, body) in analyzed { articleKeys[i] = SearchIndexUpdate.articleKey(i, index: context.index, body: body) }
            let key = SearchIndexUpdate.key(terms: terms, index: context.index, articles: articleKeys)
            return Written(bodies: analyzed, terms: terms, termsInUse: records.count { !$0.term.hasPrefix("#") }, indexKey: key, updated: true)
        }
        var problems: [Diagnostic] = []
        // Cached bodies refused, to be analyzed again; bodies left out (analyzed in this build and still not
        // fitting, which its own dictionary rules out): each round refuses or leaves out more, so it ends.
        var refused: Set<Int> = [], leftOut: Set<Int> = []
        var collected: SearchIndexBuilder.Collected?
        var bodies: [SearchBodyTerms?] = []
        while collected == nil {
            bodies = articles.map { leftOut.contains($0) ? nil : analyzed[$0] ?? (refused.contains($0) ? nil : cached[$0]) }
            let limits = articles.map { analyzed[$0] != nil ? Int.max : cachedTerms }
            let (result, invalid) = builder.collected(bodies: bodies, limits: limits)
            collected = result
            guard !invalid.isEmpty else { break }
            let again = Set(invalid).subtracting(refused)
            leftOut.formUnion(Set(invalid).intersection(refused))
            refused.formUnion(again)
            // Found only here, these articles' bodies were not taken from the feeds' (`take`): they are read again.
            problems += renderer.index(again, into: builder)
            analyzed = builder.bodies
        }
        guard let collected else { return nil }
        // A file that could not be read again fails the build: nothing to lay out.
        guard problems.isEmpty else { return Written(bodies: analyzed, terms: [], termsInUse: 0, problems: problems) }
        let records = SearchIndexLayout.termRecords(collected, topics: context.index.topics)
        try write(records, excerpts: collected.excerpts, to: recorder)
        let made = bodies
        let key = SearchIndexUpdate.key(terms: collected.terms, index: context.index) { made[$0] }
        return Written(bodies: analyzed, terms: collected.terms, termsInUse: collected.termsInUse, problems: problems, indexKey: key)
    }

    private func write(_ records: [SearchIndexLayout.TermRecord], excerpts: [String], to recorder: OutputRecorder) throws(OutputError) {
        let current = recorder.keepIfCurrent(documents)
        var kept: [Int: UInt64] = [:]
        for chunk in current.indices where current[chunk] { kept[chunk] = recorder.previous[documents[chunk].path]?.hash }
        let files = SearchIndexLayout(context: context, excerpts: excerpts).files(records: records, keptDocuments: kept)
        // One thread: the files share a few folders, and a file is created under its folder's lock, which
        // a second thread would spin on (on ext4, 5% of a cold build's CPU) instead of waiting its turn.
        for n in files.indices {
            try recorder.write(files[n].bytes, to: files[n].path, fingerprint: documentPrints[files[n].path] ?? fingerprint)
        }
    }

    /// The index as `SearchIndexUpdate` makes it from the last build's files, when that is what a cold build
    /// makes: every article has a cached body (the last index's) and at most a few were analyzed to other
    /// terms in this build.
    private func update(_ analyzed: [Int: SearchBodyTerms], builder: SearchIndexBuilder, recorder: OutputRecorder)
        -> (records: [SearchIndexLayout.TermRecord], excerpts: [String])? {
        guard updatable else { return nil }
        let count = context.index.articles.count
        var changed: [Int] = [], old: [SearchBodyTerms] = [], new: [SearchBodyTerms] = []
        var lengths: [Int] = [], oldLengths: [Int] = [], excerpts: [String] = []
        lengths.reserveCapacity(count)
        oldLengths.reserveCapacity(count)
        excerpts.reserveCapacity(count)
        for i in 0..<count {
            guard let before = cached[i] ?? replaced[i], let now = analyzed[i] ?? cached[i] else { return nil }
            if now != before {
                changed.append(i)
                old.append(before)
                new.append(now)
                guard changed.count <= SearchIndexUpdate.maximumChanged else { return nil }
            }
            lengths.append(now.length)
            oldLengths.append(before.length)
            excerpts.append(now.excerpt)
        }
        guard let previous = SearchIndexUpdate.previousRecords(in: recorder) else { return nil }
        // Topic names first: their new terms are numbered before the list is read.
        let topicTerms = builder.topicTerms()
        guard let records = SearchIndexUpdate.records(previous: previous, changed: changed, old: old, new: new, terms: builder.dictionary.terms,
                                                      topicTerms: topicTerms, index: context.index, lengths: lengths, oldLengths: oldLengths)
        else { return nil }
        return (records, excerpts)
    }
}

/// The search index of a build that committed its pages first (`Builder.defersSearch`): the preview
/// server tells open pages to reload, then writes the index.
public final class PendingSearch: Sendable {
    let stage: SearchStage
    let renderer: PageRenderer
    let sink: any OutputSink

    init(stage: SearchStage, renderer: PageRenderer, sink: any OutputSink) {
        self.stage = stage
        self.renderer = renderer
        self.sink = sink
    }

    /// Writes and commits the index, and records it in `state`, the state the build returned.
    public func finish(state: inout BuildState) throws(BuildFailure) {
        let problems = stage.analyzeMissingBodies(renderer: renderer)
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let recorder = OutputRecorder(sink: sink, previous: state.outputs)
        let written: SearchStage.Written?
        do {
            written = try stage.write(to: recorder, renderer: renderer)
        } catch {
            sink.discard()
            throw BuildFailure([.error(error.message, in: error.path)])
        }
        guard let written else { return }
        guard written.problems.isEmpty else {
            sink.discard()
            throw BuildFailure(written.problems)
        }
        do {
            state.outputs = try recorder.commit(scope: SearchIndexLayout.isIndexFile).manifest
        } catch {
            sink.discard()
            throw BuildFailure([.error(error.message, in: error.path)])
        }
        state.keepSearchBodies(written, of: stage.context.index, discardingCache: stage.discardsCache)
    }
}

extension Builder {
    /// Prepares the search stage, or nil when the site has no search.
    ///
    /// - Parameters:
    ///   - state: this build's state so far: the source records and the term list their bodies refer to.
    func searchStage(_ context: SiteContext, recorder: OutputRecorder, fingerprints: Fingerprints, state: BuildState,
                     diagnostics: inout [Diagnostic]) -> SearchStage? {
        guard context.config.search else { return nil }
        guard context.index.articles.count <= PostingCode.maximumArticles else {
            diagnostics.append(.warning("search is left out: it indexes at most \(PostingCode.maximumArticles) articles",
                                        in: paths.display(options.configFile)))
            return nil
        }
        let fingerprint = fingerprints.search()
        let chunks = SearchIndexLayout.documentChunks(articles: context.index.articles.count)
        let documents = chunks.indices.map { (path: SearchIndexLayout.documentsPath($0), fingerprint: fingerprints.searchDocuments(chunks[$0])) }
        let prints = Dictionary(uniqueKeysWithValues: documents.map { ($0.path, $0.fingerprint) })
        let previousFiles = recorder.previous.keys.filter(SearchIndexLayout.isIndexFile)
        let current = !previousFiles.isEmpty && previousFiles.allSatisfy { recorder.isUnchanged($0, fingerprint: prints[$0] ?? fingerprint) }
        if current { previousFiles.forEach(recorder.keep) }
        guard !current else {
            return SearchStage(context: context, fingerprint: fingerprint, documents: documents, documentPrints: prints, builder: nil,
                               cached: [], cachedTerms: 0, discardsCache: false, replaced: [:], lastArticleKeys: [])
        }
        let terms = state.searchTerms.terms()
        let dictionary = TermDictionary(continuing: terms)
        let articles = context.index.articles
        let sources = state.sources
        let cached = dictionary == nil ? Array(repeating: nil, count: articles.count) : parallelMap(articles.count) { i in
            sources.position(of: articles[i].source.path).flatMap { sources.records[$0].searchBody }
        }
        // What the last index holds of the articles whose files changed since: the bodies their records replaced.
        var replaced: [Int: SearchBodyTerms] = [:]
        for i in cached.indices where cached[i] == nil {
            if let position = sources.position(of: articles[i].source.path), let body = sources.records[position].replacedSearchBody {
                replaced[i] = body
            }
        }
        let last = replaced
        let articleKeys = dictionary != nil && state.searchIndexKey != 0
            ? SearchIndexUpdate.articleKeys(index: context.index) { cached[$0] ?? last[$0] } : []
        let updatable = !articleKeys.isEmpty
            && SearchIndexUpdate.key(terms: terms, index: context.index, articles: articleKeys) == state.searchIndexKey
        return SearchStage(context: context, fingerprint: fingerprint, documents: documents, documentPrints: prints,
                           builder: SearchIndexBuilder(context: context, dictionary: dictionary ?? TermDictionary()),
                           cached: cached, cachedTerms: terms.count, discardsCache: dictionary == nil, replaced: replaced,
                           lastArticleKeys: updatable ? articleKeys : [])
    }

    /// Starts this build's search cache from the last build's, unless it was made by other code or with
    /// other Markdown settings (then every body is analyzed again).
    func carrySearchCache(from previous: BuildState, into state: inout BuildState, config: SiteConfig) {
        state.searchKey = SearchBodyTerms.cacheKey(markdownUnsafe: config.markdownUnsafe)
        if previous.searchKey == state.searchKey {
            state.searchTerms = previous.searchTerms
            state.searchIndexKey = previous.searchIndexKey
        } else {
            state.dropSearchBodies()
        }
    }
}
