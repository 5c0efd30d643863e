import Foundation
import Testing
@testable import GazetteServer

/// Saving a source rebuilds and tells open pages; a broken source shows the overlay until it is fixed.
///
/// Waits are generous (15 s) so that a busy machine does not fail them; on a quiet one each takes ~60 ms.
@Suite struct LiveReloadTests {
    static let firstPath = "Content/2025/first.md"
    static let firstURL = "/2025/11/19/first/"

    @Test func anEditSendsReloadAndThePageHasTheNewContent() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        let before = try #require(Int(events.hello.data))
        try server.write(article(title: "First story, updated", date: "2025-11-19T10:00:00Z", "topics: [Pakistan, Security]",
                                 body: "A *new* paragraph."), to: Self.firstPath)
        let reload = try #require(try await events.next(named: "reload"))
        #expect(try #require(Int(reload.data)) > before)
        let page = try await server.get(Self.firstURL)
        #expect(page.text.contains("<h1 dir=\"auto\">First story, updated</h1>"))
        #expect(page.text.contains("A <em>new</em> paragraph."))
        #expect(page.text.contains("let version = \(reload.data);"))
        await server.stop()
    }

    @Test func everyOpenPageIsTold() async throws {
        let server = try await PreviewFixture.start()
        let pages = [try await server.events(), try await server.events(), try await server.events()]
        try server.write(article(title: "Told three times", date: "2025-11-19T10:00:00Z"), to: Self.firstPath)
        for page in pages { #expect(try await page.next(named: "reload") != nil) }
        let told = await server.message(containing: " told ")
        #expect(told?.text.contains("; 3 pages told ") == true, "\(told?.text ?? "no message")")
        await server.stop()
    }

    @Test func aSaveByRenameIsSeen() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        try server.saveByRename(article(title: "Renamed into place", date: "2025-11-19T10:00:00Z"), to: Self.firstPath)
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get(Self.firstURL).text.contains("Renamed into place"))
        await server.stop()
    }

    @Test func aBurstOfSavesGivesOneRebuild() async throws {
        let server = try await PreviewFixture.start { $0.quietPeriod = .milliseconds(400) }
        let events = try await server.events()
        for n in 1...8 {
            try server.write(article(title: "Burst \(n)", date: "2025-10-0\(n)T10:00:00Z"), to: "Content/2025/burst-\(n).md")
        }
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await events.next(timeout: .seconds(1)) == nil)
        #expect(await server.message(containing: "Rebuilt") != nil)
        #expect(server.messages.filter { $0.text.contains("Rebuilt") }.count == 1)
        #expect(try await server.get("/2025/10/08/burst-8/").status == 200)
        await server.stop()
    }

    @Test func newFoldersAreWatched() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        try server.write(article(title: "In a new folder", date: "2026-01-02T10:00:00Z"), to: "Content/2026/01/new.md")
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/2026/01/02/new/").status == 200)
        // And a file saved later in that folder.
        try server.write(article(title: "Second in the new folder", date: "2026-01-03T10:00:00Z"), to: "Content/2026/01/newer.md")
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/2026/01/03/newer/").status == 200)
        await server.stop()
    }

    @Test func removingAnArticleRemovesItsPage() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        try server.remove("Content/2024/third.md")
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/2024/03/01/third/").status == 404)
        await server.stop()
    }

    @Test func templatesAndSiteYmlAreWatched() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        let footer = server.root.appendingPathComponent("Templates/partials/footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<p>Footer note 42</p>\n").write(to: footer, atomically: false, encoding: .utf8)
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/").text.contains("Footer note 42"))
        try server.write(PreviewFixture.siteYAML.replacingOccurrences(of: "Preview Ledger", with: "Renamed Ledger"), to: "site.yml")
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/").text.contains("Renamed Ledger"))
        await server.stop()
    }

    @Test func aThemeFolderReplacedByANewOneIsWatched() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        let templates = server.root.appendingPathComponent("Templates")
        let aside = server.root.appendingPathComponent("Templates-old")
        try FileManager.default.moveItem(at: templates, to: aside)
        #expect(try await events.next(named: "failed") != nil)
        // A new folder (a copy, not the one moved away) takes its place.
        try FileManager.default.copyItem(at: aside, to: templates)
        #expect(try await events.next(named: "reload") != nil)
        // Saves inside the new folder are seen.
        let footer = templates.appendingPathComponent("partials/footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<p>Back again</p>\n").write(to: footer, atomically: false, encoding: .utf8)
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get("/").text.contains("Back again"))
        await server.stop()
    }

    @Test func aBrokenFileShowsTheOverlayAndTheFixClearsIt() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        // Line 3, column 9: the flow sequence is never closed.
        try server.write("---\ntitle: \"First story\"\ntopics: [Pakistan, <b>Security</b>\ndate: 2025-11-19T10:00:00Z\n---\n\nBody.\n", to: Self.firstPath)
        let failed = try #require(try await events.next(named: "failed"))
        #expect(failed.data.contains("\"lines\":[\"Content/2025/first.md:"))
        let page = try await server.get(Self.firstURL)
        #expect(page.status == 200)
        // The last good build is still served, with the overlay on it.
        #expect(page.text.contains("<h1 dir=\"auto\">First story</h1>"))
        #expect(page.text.contains("<div id=\"gazette-overlay\" role=\"alert\""))
        let location = try #require(page.text.firstMatch(of: #/Content/2025/first\.md:(\d+):(\d+): error: [^<]+/#))
        #expect(Int(location.1)! >= 3)
        #expect(Int(location.2)! >= 1)
        #expect(!page.text.contains("<b>Security</b>"))
        // Every page, and the 404 page, shows it.
        #expect(try await server.get("/").text.contains("<div id=\"gazette-overlay\""))
        #expect(try await server.get("/nope/").text.contains("<div id=\"gazette-overlay\""))
        #expect(try await !server.get("/assets/style.css").text.contains("gazette-overlay"))

        try server.write(article(title: "First story, fixed", date: "2025-11-19T10:00:00Z", "topics: [Pakistan, Security]"), to: Self.firstPath)
        let reload = try #require(try await events.next(named: "reload"))
        let fixed = try await server.get(Self.firstURL)
        #expect(!fixed.text.contains("<div id=\"gazette-overlay\""))
        #expect(fixed.text.contains("<h1 dir=\"auto\">First story, fixed</h1>"))
        #expect(fixed.text.contains("let version = \(reload.data);"))
        await server.stop()
    }

    @Test func fixingABrokenFileBackToTheLastGoodTextStillClearsTheOverlay() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        let good = try String(contentsOf: server.root.appendingPathComponent(Self.firstPath), encoding: .utf8)
        try server.write("---\ntitle: [unclosed\n---\n", to: Self.firstPath)
        #expect(try await events.next(named: "failed") != nil)
        try server.write(good, to: Self.firstPath)
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await !server.get(Self.firstURL).text.contains("<div id=\"gazette-overlay\""))
        await server.stop()
    }

    @Test func aBrokenTemplateShowsItsLineAndColumn() async throws {
        let server = try await PreviewFixture.start()
        let events = try await server.events()
        try server.write("{{<layout}}\n{{$main}}\n<p>{{#unclosed}}</p>\n{{/main}}\n{{/layout}}\n", to: "Templates/article.mustache")
        let failed = try #require(try await events.next(named: "failed"))
        #expect(failed.data.contains("article.mustache:"))
        let page = try await server.get(Self.firstURL)
        #expect(page.text.firstMatch(of: #/Templates/article\.mustache:\d+:\d+: error: /#) != nil)
        await server.stop()
    }

    @Test func pollingWorksToo() async throws {
        let server = try await PreviewFixture.start { $0.pollInterval = .milliseconds(100) }
        let events = try await server.events()
        try? await Task.sleep(for: .milliseconds(50))
        try server.write(article(title: "Seen by polling", date: "2025-11-19T10:00:00Z", body: "Longer body than before, to change the size."),
                         to: Self.firstPath)
        #expect(try await events.next(named: "reload") != nil)
        #expect(try await server.get(Self.firstURL).text.contains("Seen by polling"))
        await server.stop()
    }
}
