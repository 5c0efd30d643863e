import Foundation
import GazetteMustache

extension Builder {
    func sitemapEntries(_ pages: [Page], _ index: SiteIndex) -> [SitemapWriter.Entry] {
        let planner = PagePlanner(index: index)
        // Each list page's articles looked at, on every core.
        return parallelMap(pages.count) { p -> SitemapWriter.Entry? in
            let page = pages[p]
            switch page.kind {
            case .notFound, .redirect, .search: return nil
            case .article(let i): return .init(route: page.route, lastModified: index.lastModified(i))
            case .topics, .archive, .authors: return .init(route: page.route, lastModified: index.articles.indices.first.map(index.lastModified))
            default:
                let shown = page.pagination.map { planner.articles(of: page.kind, in: $0.range) } ?? []
                return .init(route: page.route, lastModified: shown.map(index.lastModified).max())
            }
        }.compactMap { $0 }
    }

    /// A template for every kind of page the site has: a theme without author templates still builds
    /// a site without bylines.
    func missingTemplates(for pages: [Page], in library: TemplateLibrary) -> [Diagnostic] {
        let display = paths.display(options.templates)
        let needed = Set(pages.map(\.template)).filter { !library.contains($0) }.sorted()
        return needed.map { .error("missing template '\($0).mustache' for \($0) pages", in: display + "/\($0).mustache") }
    }

    /// Copies `Templates/assets/` (`files`, found when the inputs were read) to `assets/` in the output;
    /// returns how many files.
    func copyAssets(_ files: [FileWalk.Entry], to recorder: OutputRecorder) throws(OutputError) -> Int {
        let prefix = options.templates.path.count + 1
        for file in files {
            let relative = String(file.path.dropFirst(prefix))
            // An asset whose size and time are as when it was last copied is not read again.
            var fingerprint = StableHash()
            fingerprint.combine(file.stamp)
            if recorder.keepIfCurrent(relative, fingerprint: fingerprint.value) { continue }
            guard let bytes = FileIO.read(file.path) else {
                throw OutputError(path: relative, message: "cannot read \(paths.display(path: file.path))")
            }
            try recorder.write(bytes, to: relative, fingerprint: fingerprint.value)
        }
        return files.count
    }
}
