import Testing
@testable import GazetteCore

@Suite struct MarkdownTests {
    let markdown = MarkdownRenderer()

    @Test func gfmExtensions() {
        let html = markdown.render("""
        | a | b |
        |---|--:|
        | 1 | 2 |

        ~~gone~~ and www.example.org

        - [x] done
        - [ ] open
        """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th style=\"text-align: right\">b</th>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
    }

    @Test func footnotesAndSmartPunctuation() {
        let html = markdown.render("He said \"yes\" -- it's done...[^1]\n\n[^1]: A note.\n").html
        #expect(html.contains("“yes”"))
        #expect(html.contains("it’s"))
        #expect(html.contains("–"))
        #expect(html.contains("…"))
        #expect(html.contains("class=\"footnotes\""))
        #expect(html.contains("A note."))
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let source = "<script>alert(1)</script>\n\nText <b>bold</b>\n"
        let safe = markdown.render(source).html
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<b>"))
        #expect(safe.contains("raw HTML omitted"))
        let unsafe = MarkdownRenderer(unsafe: true).render(source).html
        #expect(unsafe.contains("<b>bold</b>"))
        // tagfilter still defuses the most dangerous tags
        #expect(unsafe.contains("&lt;script>"))
    }

    @Test func firstParagraphIsPlainText() {
        let rendered = markdown.render("# Heading\n\nThe *first* `para`\nwith [a link](https://x.org).\n\nSecond.\n", html: false)
        #expect(rendered.firstParagraph == "The first para with a link.")
        #expect(rendered.html.isEmpty)
    }

    @Test func wordCount() {
        #expect(WordCounter.countMarkdown("## A heading\n\n- one two\n- [three four](https://example.org/x/y) five\n\n| a | b |\n|---|---|\n") == 9)
        #expect(WordCounter.countMarkdown("پاکستان کی خبریں") == 3)
    }

    @Test func summariesAreCutOnAWordBoundary() {
        let long = String(repeating: "word ", count: 100)
        let summary = Summary.cut(long)
        #expect(summary.count <= 201)
        #expect(summary.hasSuffix("word…"))
        #expect(Summary.cut("Short  text\nhere.") == "Short text here.")
    }
}
