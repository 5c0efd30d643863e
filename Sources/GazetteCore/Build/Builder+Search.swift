/// The search index in an incremental build: its files depend on every article, so they are written
/// again only when something a result shows or a query finds has changed, and then whole.
struct SearchStage {
    let context: SiteContext
    let recorder: OutputRecorder
    /// Hash of everything the index is made of (`Fingerprints.search`).
    let fingerprint: UInt64
    /// Collects terms while pages render; nil when the index files are current.
    let builder: SearchIndexBuilder?
    /// The index files of the last build, kept as they are when current.
    let previousFiles: [String]

    /// Writes the index: the articles rendered this time had their bodies analyzed as they rendered; the
    /// others' bodies are rendered here for it.
    func write(renderer: PageRenderer) throws(OutputError) {
        guard let builder else { return }
        let articles = context.index.articles.indices
        renderer.index(Set(articles).subtracting(builder.bodies.keys), into: builder)
        let bodies = builder.bodies
        let collected = builder.collected(bodies: articles.map { bodies[$0] })
        for file in SearchIndexLayout(context: context, collected: collected).files() {
            try recorder.write(file.bytes, to: file.path, fingerprint: fingerprint)
        }
    }
}

extension Builder {
    /// Prepares the search stage, or nil when the site has no search.
    func searchStage(_ context: SiteContext, recorder: OutputRecorder, settings: UInt64,
                     diagnostics: inout [Diagnostic]) -> SearchStage? {
        guard context.config.search else { return nil }
        guard context.index.articles.count <= PostingCode.maximumArticles else {
            diagnostics.append(.warning("search is left out: it indexes at most \(PostingCode.maximumArticles) articles",
                                        in: paths.display(options.configFile)))
            return nil
        }
        let fingerprint = Fingerprints(context: context, settings: settings).search()
        let previousFiles = recorder.previous.keys.filter(SearchIndexLayout.isIndexFile)
        let current = !previousFiles.isEmpty && previousFiles.allSatisfy { recorder.isCurrent($0, fingerprint: fingerprint) }
        return SearchStage(context: context, recorder: recorder, fingerprint: fingerprint,
                           builder: current ? nil : SearchIndexBuilder(context: context), previousFiles: previousFiles)
    }
}
