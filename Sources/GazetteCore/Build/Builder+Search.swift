/// The search index in an incremental build: its files depend on every article, so they are written
/// again only when something a result shows or a query finds has changed, and then whole.
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
        var problems: [Diagnostic] = []
        // Cached bodies refused, to be analyzed again; bodies left out (analyzed in this build and still not
        // fitting, which its own dictionary rules out): each round refuses or leaves out more, so it ends.
        var refused: Set<Int> = [], leftOut: Set<Int> = []
        var collected: SearchIndexBuilder.Collected?
        while collected == nil {
            let bodies = articles.map { leftOut.contains($0) ? nil : analyzed[$0] ?? (refused.contains($0) ? nil : cached[$0]) }
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
        let current = recorder.keepIfCurrent(documents)
        var kept: [Int: UInt64] = [:]
        for chunk in current.indices where current[chunk] { kept[chunk] = recorder.previous[documents[chunk].path]?.hash }
        let files = SearchIndexLayout(context: context, collected: collected).files(keptDocuments: kept)
        try eachInParallel(Array(files.indices)) { n throws(OutputError) in
            try recorder.write(files[n].bytes, to: files[n].path, fingerprint: documentPrints[files[n].path] ?? fingerprint)
        }
        return Written(bodies: analyzed, terms: collected.terms, termsInUse: collected.termsInUse, problems: problems)
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
                               cached: [], cachedTerms: 0, discardsCache: false)
        }
        let terms = state.searchTerms.terms()
        let dictionary = TermDictionary(continuing: terms)
        let articles = context.index.articles
        let sources = state.sources
        let cached = dictionary == nil ? Array(repeating: nil, count: articles.count) : parallelMap(articles.count) { i in
            sources.position(of: articles[i].source.path).flatMap { sources.records[$0].searchBody }
        }
        return SearchStage(context: context, fingerprint: fingerprint, documents: documents, documentPrints: prints,
                           builder: SearchIndexBuilder(context: context, dictionary: dictionary ?? TermDictionary()),
                           cached: cached, cachedTerms: terms.count, discardsCache: dictionary == nil)
    }

    /// Starts this build's search cache from the last build's, unless it was made by other code or with
    /// other Markdown settings (then every body is analyzed again).
    func carrySearchCache(from previous: BuildState, into state: inout BuildState, config: SiteConfig) {
        state.searchKey = SearchBodyTerms.cacheKey(markdownUnsafe: config.markdownUnsafe)
        if previous.searchKey == state.searchKey {
            state.searchTerms = previous.searchTerms
        } else {
            state.dropSearchBodies()
        }
    }
}
