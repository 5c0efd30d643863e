import Foundation
import GazetteMustache

extension Builder {
    /// Everything a build reads: settings, templates, articles, and the hashes that tell what changed.
    struct Inputs {
        var config: SiteConfig
        var library: TemplateLibrary?
        /// The files of the theme's `assets/`, with their stamps.
        var assets: [FileWalk.Entry]
        var content: ContentLoader.Result
        /// The positions in `content.articles` of those this build publishes (drafts and future articles
        /// left out unless asked for): a build with nothing to do copies none of them.
        var published: [Int]

        var diagnostics: [Diagnostic]
        /// What decides how a file is parsed.
        var parseKey: UInt64
        /// Settings and templates: every page depends on them.
        var settingsKey: UInt64
        /// Everything but the articles' contents: equal keys and unchanged files mean an unchanged output.
        var key: UInt64
        /// The settings, theme, options and every content file's path and stamp (`UnchangedBuild`).
        var unchangedKey: UInt64
        /// The last build's, when its key is this build's and its time has not run out: nothing this
        /// build would write can have changed. The articles were then not loaded (`content` is empty).
        var asBefore: UnchangedBuild?
    }

    /// The inputs, and the last build's state, which `previous` gives once the content folder is listed.
    ///
    /// - Parameters:
    ///   - head: the last build's state without its records, when it can be had sooner than `previous`
    ///     (`BuildState.Loading.head`); nil to use `previous`.
    ///   - allowsAsBefore: when the last build's key is this one's (`UnchangedBuild`), leave the articles
    ///     unread and return that state as it is.
    func loadInputs(previous loadPrevious: () -> BuildState, head: (() -> BuildState)?, allowsAsBefore: Bool) -> (Inputs, BuildState) {
        let configContents = FileIO.read(options.configFile.path)
        let configBytes = configContents ?? []
        var (config, diagnostics) = options.siteConfig(contents: configContents, paths: paths)
        let theme = loadTheme()
        diagnostics += theme.diagnostics

        var parse = StableHash()
        parse.combine(GazetteVersion.current)
        parse.combine(config.timeZone.identifier)
        var settings = StableHash()
        settings.combine(parse.value)
        settings.combine(configBytes)
        settings.combine(options.baseURL ?? "")
        settings.combine(theme.templatesKey)
        var key = StableHash()
        key.combine(settings.value)
        for file in theme.assets {
            key.combine(file.path)
            key.combine(file.stamp)
        }
        key.combine(options.output.standardizedFileURL.path)
        key.combine(options.sitemapLimit)
        key.combine(CivilTime(options.now, in: config.timeZone).year)

        let loader = ContentLoader(parser: ArticleParser(config: config), paths: paths)
        let listed = loader.files(in: options.content)
        var unchanged = key
        unchanged.combine(options.includeDrafts ? 1 : 0)
        unchanged.combine(options.includeFuture ? 1 : 0)
        for file in listed.entries {
            unchanged.combine(file.path)
            unchanged.combine(file.stamp)
        }
        // Asked for once: a state taken from the cache (`Loading.take`) is given once.
        var whole: BuildState?
        // Not with errors: a link out of the content folder, say, must fail the build as it did the last.
        if allowsAsBefore, !diagnostics.hasErrors, !listed.diagnostics.hasErrors, theme.library != nil {
            let last = head?() ?? { whole = loadPrevious(); return whole! }()
            let now = options.now.timeIntervalSince1970
            if let asBefore = last.unchanged, asBefore.key == unchanged.value, asBefore.since <= now, now < asBefore.until,
               last.outputRoot == options.output.standardizedFileURL.path, !last.outputs.isEmpty {
                let inputs = Inputs(config: config, library: theme.library, assets: theme.assets,
                                    content: ContentLoader.Result(articles: [], diagnostics: listed.diagnostics, records: [:], read: 0, changed: false),
                                    published: [], diagnostics: diagnostics + listed.diagnostics, parseKey: parse.value,
                                    settingsKey: settings.value, key: 0, unchangedKey: unchanged.value, asBefore: asBefore)
                return (inputs, whole ?? last)
            }
        }
        var loaded: BuildState?
        let content = loader.load(listed) {
            var state = whole ?? loadPrevious()
            // Handed over, not shared, so that the loader can update them in place.
            var sources = SourceTable()
            if state.parseKey == parse.value {
                sources = state.takeSources()
            } else {
                state.sources = [:]  // parsed with other settings: every record is made again
            }
            loaded = state
            return sources
        }
        let previous = loaded ?? whole ?? loadPrevious()
        diagnostics += content.diagnostics
        let published = content.articles.indices.filter { i in
            (options.includeDrafts || !content.articles[i].draft) && (options.includeFuture || content.articles[i].date <= options.now)
        }
        for i in published { key.combine(content.articles[i].source.path) }
        // The news sitemap lists the last 48 hours up to now (`--future` articles not before their time):
        // the passing of time alone can change it.
        let newsStart = options.now.addingTimeInterval(-NewsSitemapWriter.window)
        for i in published where content.articles[i].date > newsStart && content.articles[i].date <= options.now {
            key.combine(content.articles[i].source.contentHash)
        }
        let inputs = Inputs(config: config, library: theme.library, assets: theme.assets, content: content, published: published,
                            diagnostics: diagnostics, parseKey: parse.value, settingsKey: settings.value, key: key.value,
                            unchangedKey: unchanged.value, asBefore: nil)
        return (inputs, previous)
    }

    /// What the next build needs to tell that nothing changed, after this one built `inputs`.
    func unchangedBuild(_ inputs: Inputs) -> UnchangedBuild {
        // Time alone changes the output when it passes an article's date (it comes out, or goes back
        // when "now" is set earlier) or the end of its news window, either way.
        var since = -Double.infinity, until = Double.infinity
        let now = options.now.timeIntervalSince1970
        for article in inputs.content.articles {
            let date = article.date.timeIntervalSince1970
            for moment in [date, date + NewsSitemapWriter.window] {
                if moment > now { until = min(until, moment) } else { since = max(since, moment) }
            }
        }
        return UnchangedBuild(key: inputs.unchangedKey, since: since, until: until, articles: inputs.published.count,
                              warnings: inputs.content.fileWarnings)
    }

    /// The theme, from one walk of its folder: the templates compiled, a hash of their text, the asset
    /// files, and links that lead out of the theme.
    private func loadTheme() -> (library: TemplateLibrary?, templatesKey: UInt64, assets: [FileWalk.Entry], diagnostics: [Diagnostic]) {
        let display = paths.display(options.templates)
        guard FileIO.isFolder(options.templates.path) else {
            return (nil, 0, [], [.error("no templates folder (a theme's .mustache files go here)", in: display)])
        }
        var hash = StableHash()
        var walk = FileWalk(root: options.templates, paths: paths, skipsUnderscored: false)
        let files = walk.files { _ in true }
        let prefix = options.templates.path.count + 1
        let assets = files.filter { $0.path.dropFirst(prefix).hasPrefix("assets/") }
        var templates: [TemplateLibrary.TemplateFile] = []
        for file in files where file.path.hasSuffix(".mustache") {
            let contents = FileIO.read(file.path)
            hash.combine(file.path)
            hash.combine(contents ?? [])
            templates.append(.init(path: String(file.path.dropFirst(prefix)), contents: contents))
        }
        // A link that leads out of the theme is refused before anything is read through it.
        guard !walk.diagnostics.hasErrors else { return (nil, hash.value, assets, walk.diagnostics) }
        do {
            let library = try TemplateLibrary(files: templates.sorted { $0.path < $1.path }, displayPath: display)
            return (library, hash.value, assets, walk.diagnostics)
        } catch {
            return (nil, hash.value, assets, error.errors.map { Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message) })
        }
    }
}

/// The version of Gazette: part of every cache key, so that a new version rebuilds everything.
public enum GazetteVersion {
    public static let current = "0.1.0"
}
