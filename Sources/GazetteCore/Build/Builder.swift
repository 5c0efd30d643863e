import Foundation
import GazetteMustache

/// The whole build: load, index, plan, render, write. Every problem of every file is collected before
/// anything is written; a build with errors changes nothing in the output.
///
/// Builds are incremental: given the state the last build left, only changed files are read, only pages
/// whose fingerprint changed are rendered, only files whose bytes changed are written, and files the last
/// build wrote that this one does not are removed.
public struct Builder: Sendable {
    public var options: BuildOptions
    public var paths: DisplayPaths
    /// Told each stage's progress; the command line shows it on long builds.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Commit the pages before writing the search index, and leave the index to `BuildReport.pendingSearch`:
    /// the preview server reloads pages sooner.
    public var defersSearch = false

    public init(options: BuildOptions, paths: DisplayPaths = DisplayPaths()) {
        self.options = options
        self.paths = paths
    }

    /// Builds the site into `sink` from scratch (nothing known of earlier builds).
    public func build(into sink: some OutputSink) throws(BuildFailure) -> BuildReport {
        try build(into: sink, state: BuildState()).report
    }

    /// Builds the site into `sink`, reusing what `state` knows of the last build into the same sink.
    ///
    /// - Parameters:
    ///   - state: the last build's state; evaluated once the settings and theme are read and the content
    ///     folder is listed, so that a cache being read on another thread (`BuildState.Loading`) is
    ///     waited for only then.
    ///   - clean: remove every file the last build wrote before writing.
    /// - Returns: the report, and the state to pass to the next build.
    /// - Throws: `BuildFailure` with every error found; the sink is then left unchanged.
    public func build(into sink: some OutputSink, state loadPrevious: @autoclosure () -> BuildState, clean: Bool = false)
        throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        try build(into: sink, previous: loadPrevious, head: nil, survey: { nil }, stopLoading: {}, clean: clean)
    }

    /// Builds the site into `sink` with the last build's state from the build cache being read on another
    /// thread: when the cache file says nothing changed, the records in its parts are not waited for. The
    /// state returned after such a build has no records (`BuildState.hasRecords`); it is not to be saved,
    /// and `gazette build` saves only builds that read or changed something.
    public func build(into sink: some OutputSink, loading: BuildState.Loading, clean: Bool = false)
        throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        try build(into: sink, previous: { loading.take() }, head: { loading.head }, survey: { loading.outputSurvey(of: sink) },
                  stopLoading: loading.stop, clean: clean)
    }

    /// - Parameter survey: which of the last build's files changed on disk, when another thread has been
    ///   looking (`BuildState.Loading`); nil to look at each file as it is needed.
    private func build(into sink: some OutputSink, previous loadPrevious: () -> BuildState, head: (() -> BuildState)?,
                       survey: () -> OutputSurvey?, stopLoading: () -> Void, clean: Bool)
        throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        var report = BuildReport()
        var clock = StageClock()
        if let problem = options.outputFolderProblem() {
            throw BuildFailure([.error(problem, in: paths.display(options.output))])
        }
        let outputRoot = options.output.standardizedFileURL.path
        var (inputs, previous) = loadInputs(previous: loadPrevious, head: head, allowsAsBefore: !clean)
        if let asBefore = inputs.asBefore {
            // Nothing this build would write can have changed: when the output is as it was left, that is all.
            // The records are not needed then; should the output have changed, they are read again.
            stopLoading()
            clock.lap("load", into: &report)
            if Self.isIntact(previous.outputs, in: sink, changed: survey()?.changed(of: previous.outputs)) {
                clock.lap("output check", into: &report)
                report.leftovers = BuildLeftovers([inputs])
                report.articles = asBefore.articles
                report.unchanged = true
                report.seconds = clock.total
                report.diagnostics = (inputs.diagnostics + asBefore.warnings).sortedByLocation()
                return (report, previous)
            }
            (inputs, previous) = loadInputs(previous: { previous.hasRecords ? previous : loadPrevious() }, head: nil, allowsAsBefore: false)
        }
        var diagnostics = inputs.diagnostics
        let previousOutputs = previous.outputRoot == outputRoot ? previous.outputs : [:]
        // Made from the manifest the cache file holds, which is the one `previous` has.
        // Asked for as late as it is needed: the survey's thread goes on with it while this one indexes. The
        // survey keeps its answer: asked twice, it looks once.
        func changedFiles() -> Set<String>? { survey()?.changed(of: previousOutputs) }
        var state = BuildState()
        state.parseKey = inputs.parseKey
        // Moved, not shared: the search stage stores bodies in the records, which would copy every one of them.
        state.sources = inputs.content.records
        inputs.content.records = [:]
        // The cache's parts whose records did not change are not written again when this state is saved.
        state.storedParts = previous.storedParts
        // Without parts read from a cache (the preview server's state), nothing need be remembered.
        state.changedSources = state.storedParts == nil ? [] : previous.changedSources.union(inputs.content.changedPaths)
        state.outputRoot = outputRoot
        state.inputsKey = inputs.key
        carrySearchCache(from: previous, into: &state, config: inputs.config)
        report.filesRead = inputs.content.read
        clock.lap("load", into: &report)

        if !clean, !diagnostics.hasErrors, !inputs.content.changed, inputs.key == previous.inputsKey,
           !previousOutputs.isEmpty, Self.isIntact(previousOutputs, in: sink, changed: changedFiles()) {
            // Nothing the output depends on changed, and the output is as it was left.
            state.outputs = previousOutputs
            state.related = previous.related
            state.unchanged = unchangedBuild(inputs)
            report.renewsCache = state.unchanged != previous.unchanged
            report.leftovers = BuildLeftovers([inputs, previous])
            report.articles = inputs.published.count
            report.unchanged = true
            report.seconds = clock.total
            report.diagnostics = diagnostics.sortedByLocation()
            return (report, state)
        }

        let (index, indexDiagnostics) = SiteIndex.build(inputs.content.articles, published: inputs.published, config: inputs.config,
                                                        previousRelated: previous.related)
        diagnostics += indexDiagnostics
        state.related = index.newsroom.relatedMemo
        let context = SiteContext(index: index, buildTime: options.now)
        let planner = PagePlanner(index: index)
        let pages = planner.pages()
        let outputPaths = parallelMap(pages.count) { pages[$0].route.outputPath }
        diagnostics += planner.clashes(in: pages, paths: outputPaths)
        let feeds = Feed.all(for: index)
        let hasSearch = inputs.config.search
        diagnostics += planner.clashes(of: pages, paths: outputPaths, withFiles: Set(feeds.map(\.route.outputPath)).union(SitemapWriter.reservedFiles)) { path in
            path.hasPrefix("assets/") || SitemapWriter.isPart(path) || (hasSearch && SearchIndexLayout.isIndexFile(path))
        }
        clock.lap("index", into: &report)
        if let library = inputs.library { diagnostics += missingTemplates(for: pages, in: library) }
        guard !diagnostics.hasErrors, let library = inputs.library else { throw fail(diagnostics, sink) }

        let changedOnDisk = changedFiles()
        let recorder = OutputRecorder(sink: sink, previous: clean ? [:] : previousOutputs, keepsIdenticalFiles: !clean,
                                      changedOnDisk: changedOnDisk)
        if clean {
            // Only the files as the last build left them: one changed since is somebody's.
            for (path, record) in previousOutputs where changedOnDisk.map({ !$0.contains(path) }) ?? (sink.stamp(of: path) == record.stamp) {
                try? sink.remove(path)
            }
        }
        let fingerprints = Fingerprints(context: context, settings: inputs.settingsKey)
        let pagePrints = parallelMap(pages.count) { p in (path: outputPaths[p], fingerprint: fingerprints.page(pages[p])) }
        let keptPages = recorder.keepIfCurrent(pagePrints)
        let stalePages = pages.indices.filter { !keptPages[$0] }
        let feedPrints = feeds.map(fingerprints.feed)
        let staleFeeds = feeds.indices.filter { !recorder.keepIfCurrent(feeds[$0].route.outputPath, fingerprint: feedPrints[$0]) }
        let search = searchStage(context, recorder: recorder, fingerprints: fingerprints, state: state, diagnostics: &diagnostics)
        let renderer = PageRenderer(context: context, library: library, recorder: recorder,
                                    keepBodies: Set(staleFeeds.flatMap { feeds[$0].articles }), progress: progress,
                                    search: search?.builder)
        var rendered = renderer.render(stalePages.map { (pages[$0], pagePrints[$0].path, pagePrints[$0].fingerprint) })
        diagnostics += rendered.diagnostics
        guard !diagnostics.hasErrors else { throw fail(diagnostics, sink) }
        report.rendered = stalePages.count
        // Bodies the feeds and the search index need from articles whose pages were not rendered.
        let feedBodies = renderer.bodies(of: renderer.keepBodies.subtracting(rendered.bodies.keys))
        rendered.bodies.merge(feedBodies.bodies) { old, _ in old }
        diagnostics += feedBodies.diagnostics
        search?.take(feedBodies.bodies)
        if let search, !defersSearch { diagnostics += search.analyzeMissingBodies(renderer: renderer) }
        guard !diagnostics.hasErrors else { throw fail(diagnostics, sink) }
        clock.lap("render", into: &report)

        if let search, !defersSearch {
            let written: SearchStage.Written?
            do {
                written = try search.write(to: recorder, renderer: renderer)
            } catch {
                diagnostics.append(.error(error.message, in: paths.display(options.output.appendingPathComponent(error.path))))
                throw fail(diagnostics, sink)
            }
            if let written {
                report.searchIndexUpdated = written.updated
                diagnostics += written.problems
                guard !diagnostics.hasErrors else { throw fail(diagnostics, sink) }
                state.keepSearchBodies(written, of: index, discardingCache: search.discardsCache)
            }
            clock.lap("search", into: &report)
        }
        do {
            let writer = FeedWriter(context: context)
            let bodies = rendered.bodies
            try eachInParallel(staleFeeds) { f throws(OutputError) in
                try recorder.write(writer.render(feeds[f]) { bodies[$0] ?? "" }, to: feeds[f].route.outputPath, fingerprint: feedPrints[f])
            }
            let sitemap = SitemapWriter(context: context, limit: options.sitemapLimit)
            let entries = sitemapEntries(pages, index)
            let sitemapPrint = SitemapWriter.fingerprint(entries, settings: inputs.settingsKey, limit: options.sitemapLimit)
            let sitemapFiles = sitemap.files(for: entries.count)
            if sitemapFiles.allSatisfy({ recorder.isUnchanged($0, fingerprint: sitemapPrint) }) {
                // An edit of a body, say: the URLs and their dates are as they were.
                for path in sitemapFiles { recorder.keep(path) }
            } else {
                for (path, bytes) in sitemap.sitemaps(entries) { try recorder.write(bytes, to: path, fingerprint: sitemapPrint) }
            }
            try recorder.write(NewsSitemapWriter(context: context).render(), to: NewsSitemapWriter.path)
            try recorder.write(sitemap.robots(), to: "robots.txt")
            report.assets = try copyAssets(inputs.assets, to: recorder)
            let deferred = defersSearch && search?.builder != nil
            let pagesOnly: @Sendable (String) -> Bool = { !SearchIndexLayout.isIndexFile($0) }
            let (manifest, removed) = try recorder.commit(scope: deferred ? pagesOnly : nil)
            state.outputs = manifest
            state.unchanged = unchangedBuild(inputs)
            report.removed = removed
            if deferred, let search {
                report.pendingSearch = PendingSearch(stage: search, renderer: renderer, sink: sink)
            }
        } catch {
            diagnostics.append(.error(error.message, in: paths.display(options.output.appendingPathComponent(error.path))))
            throw fail(diagnostics, sink)
        }
        clock.lap("write", into: &report)

        report.leftovers = BuildLeftovers([inputs, previous, context, pages, outputPaths, pagePrints, recorder, renderer, rendered,
                                           search as Any, feeds, feedPrints])
        report.articles = index.articles.count
        report.pages = pages.count
        report.feeds = feeds.count
        report.written = recorder.writtenCount
        report.seconds = clock.total
        report.diagnostics = diagnostics.sortedByLocation()
        return (report, state)
    }

    /// True when every file the last build wrote is still there as it was written.
    ///
    /// - Parameter changed: those found changed by another thread's look at them (`OutputSurvey`); nil to
    ///   look at each here.
    private static func isIntact(_ outputs: [String: OutputRecord], in sink: some OutputSink, changed: Set<String>?) -> Bool {
        if let changed { return changed.isEmpty }
        let records = Array(outputs)
        return !parallelMap(records.count) { sink.stamp(of: records[$0].key) == records[$0].value.stamp }.contains(false)
    }

    private func fail(_ diagnostics: [Diagnostic], _ sink: some OutputSink) -> BuildFailure {
        sink.discard()
        return BuildFailure(diagnostics.sortedByLocation())
    }
}
