import Foundation

extension Builder {
    func sitemapEntries(_ pages: [Page], _ index: SiteIndex) -> [SitemapWriter.Entry] {
        let planner = PagePlanner(index: index)
        return pages.compactMap { page in
            switch page.kind {
            case .notFound, .redirect: return nil
            case .article(let i): return .init(route: page.route, lastModified: index.lastModified(i))
            case .topics, .archive, .authors: return .init(route: page.route, lastModified: index.articles.indices.first.map(index.lastModified))
            default:
                let shown = page.pagination.map { planner.articles(of: page.kind, in: $0.range) } ?? []
                return .init(route: page.route, lastModified: shown.map(index.lastModified).max())
            }
        }
    }

    /// Copies `Templates/assets/` to `assets/` in the output; returns how many files.
    func copyAssets(to recorder: OutputRecorder) throws(OutputError) -> Int {
        let assets = options.templates.appendingPathComponent("assets")
        var walk = FileWalk(root: assets, paths: paths)
        let files = walk.files { _ in true }
        let prefix = assets.path.count + 1
        for file in files {
            let relative = "assets/" + file.path.dropFirst(prefix)
            guard let bytes = FileIO.read(file.path) else {
                throw OutputError(path: relative, message: "cannot read \(paths.display(path: file.path))")
            }
            try recorder.write(bytes, to: relative)
        }
        return files.count
    }
}
