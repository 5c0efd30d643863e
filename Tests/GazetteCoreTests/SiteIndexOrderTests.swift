import Foundation
import Testing
@testable import GazetteCore

@Suite struct SiteIndexOrderTests {
    /// Newest first; at one moment, by title; at one moment and one title, by file. Only the published
    /// articles are ordered, given in any order.
    @Test func newestFirstThenByTitleThenByFile() throws {
        let site = try TestSite([
            "Content/z/same.md": article(title: "Same", date: "2025-06-01T10:00:00Z", "slug: same-z"),
            "Content/a/same.md": article(title: "Same", date: "2025-06-01T10:00:00Z", "slug: same-a"),
            "Content/beta.md": article(title: "Beta", date: "2025-06-01T10:00:00Z"),
            "Content/alpha.md": article(title: "Alpha", date: "2025-06-01T10:00:00Z"),
            "Content/new.md": article(title: "New", date: "2025-07-01T10:00:00Z"),
            "Content/old.md": article(title: "Old", date: "2024-01-01T10:00:00Z"),
            "Content/left-out.md": article(title: "Left out", date: "2026-01-01T10:00:00Z"),
        ])
        defer { site.delete() }
        let (loaded, _) = ContentLoader(parser: ArticleParser(config: SiteConfig()), paths: DisplayPaths())
            .load(site.root.appendingPathComponent("Content"))
        let published = Array(loaded.indices.filter { loaded[$0].title != "Left out" }.reversed())
        let (index, _) = SiteIndex.build(loaded, published: published, config: SiteConfig())
        #expect(index.articles.map(\.slug) == ["new", "alpha", "beta", "same-a", "same-z", "old"])
    }
}
