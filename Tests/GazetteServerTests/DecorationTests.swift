import GazetteCore
import Testing
@testable import GazetteServer

@Suite struct DecorationTests {
    @Test func theSnippetGoesBeforeTheLastBodyCloseInAnyCase() {
        let decoration = PageDecoration(version: 7, overlay: nil)
        let html = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let out = String(decoding: decoration.apply(to: html), as: UTF8.self)
        #expect(out.hasPrefix("<html><body><p>&lt;/body&gt;</p><script id=\"gazette-live-reload\">"))
        #expect(out.hasSuffix("</script></BODY></html>"))
        #expect(out.contains("let version = 7;"))
        #expect(String(decoding: decoration.apply(to: Array("plain".utf8)), as: UTF8.self).hasPrefix("plain<script"))
    }

    @Test func theOverlayEscapesDiagnostics() {
        let overlay = ErrorOverlay(diagnostics: [.error("bad <img src=x onerror=alert(1)> & \"quotes\"", in: "Content/a<b>.md", line: 3, column: 9)])
        let html = overlay.html
        #expect(html.contains("Content/a&lt;b&gt;.md:3:9: error: bad &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"))
        #expect(!html.contains("<img"))
        let json = overlay.json(version: 4)
        #expect(json.hasPrefix("{\"lines\":[\"Content/a<b>.md:3:9: error: bad <img"))
        #expect(json.hasSuffix("\"version\":4}"))
        #expect(!json.contains("\n"))
        let page = String(decoding: PageDecoration(version: 4, overlay: overlay).apply(to: Array("<body></body>".utf8)), as: UTF8.self)
        #expect(page.hasPrefix("<body><div id=\"gazette-overlay\""))
    }

    @Test func eventsAreFramedForEventSource() {
        #expect(LiveReload.Event.reload(version: 3).wireText == "event: reload\ndata: 3\n\n")
        #expect(LiveReload.Event(name: "x", data: "a\nb").wireText == "event: x\ndata: a\ndata: b\n\n")
        #expect(LiveReload.Event.ping.wireText == ": ping\n\n")
    }

    @Test func etagsMatchListsWeakTagsAndStar() {
        let tag = ETag.of(Array("hello".utf8))
        #expect(tag.count == 18)
        #expect(ETag.matches([tag], tag))
        #expect(ETag.matches(["\"a\", \(tag)"], tag))
        #expect(ETag.matches(["W/\(tag)"], tag))
        #expect(ETag.matches(["*"], tag))
        #expect(!ETag.matches(["\"a\""], tag))
        #expect(!ETag.matches([], tag))
    }

    @Test func mediaTypes() {
        #expect(MediaTypes.contentType(of: "a/index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.contentType(of: "feed.xml") == "application/rss+xml; charset=utf-8")
        #expect(MediaTypes.contentType(of: "topics/x/atom.xml") == "application/atom+xml; charset=utf-8")
        #expect(MediaTypes.contentType(of: "sitemap.xml") == "application/xml; charset=utf-8")
        #expect(MediaTypes.contentType(of: "topics/x/feed.json") == "application/feed+json; charset=utf-8")
        #expect(MediaTypes.contentType(of: "data.json") == "application/json; charset=utf-8")
        #expect(MediaTypes.contentType(of: "a.WOFF2") == "font/woff2")
        #expect(MediaTypes.contentType(of: "LICENSE") == "application/octet-stream")
    }

    @Test func burstsAreDueWhenQuietOrAfterHalfASecond() {
        var burst = ChangeBurst(quietPeriod: .milliseconds(50))
        let start = ContinuousClock.now
        #expect(burst.take(at: start) == nil)
        burst.note("a", at: start)
        burst.note("b", at: start + .milliseconds(40))
        #expect(burst.take(at: start + .milliseconds(60)) == nil)
        let batch = burst.take(at: start + .milliseconds(91))
        #expect(batch?.paths == ["a", "b"])
        #expect(burst.isEmpty)
        for ms in stride(from: 0, to: 600, by: 30) { burst.note("c", at: start + .milliseconds(ms)) }
        #expect(burst.deadline == start + .milliseconds(500))
    }
}
