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

    /// cmark-gfm marks its extensions' characters in process-wide tables for each parse and unmarks
    /// them after: bodies parsed on several threads at once must each keep every strikethrough and
    /// autolink (without the lock around the parse, 10–19 of these 600 lost some in each run).
    @Test func bodiesParsedAtOnceKeepTheirExtensions() {
        let paragraph = String(repeating: "plain words to parse between the marks ", count: 8)
            + "~~struck~~ and www.example.org and https://example.org/page end."
        let body = Array(repeating: paragraph, count: 12).joined(separator: "\n\n")
        let markdown = self.markdown
        let counts = parallelMap(600) { _ -> (struck: Int, links: Int) in
            let html = markdown.render(body).html
            return (html.components(separatedBy: "<del>struck</del>").count - 1,
                    html.components(separatedBy: "<a href=\"http://www.example.org\">").count - 1
                        + html.components(separatedBy: "<a href=\"https://example.org/page\">").count - 1)
        }
        #expect(counts.filter { $0.struck != 12 || $0.links != 24 }.count == 0)
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

    /// The counter skips the rest of a token once it knows; it counts as reading every byte would.
    @Test func wordCountMatchesAByteByByteCount() {
        func reference(_ text: String) -> Int {
            var count = 0
            var inToken = false, tokenHasWord = false, inURL = false
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    if inToken, tokenHasWord { count += 1 }
                    (inToken, tokenHasWord, inURL) = (false, false, false)
                } else {
                    inToken = true
                    if byte == UInt8(ascii: "("), previous == UInt8(ascii: "]") { inURL = true }
                    if !inURL, !tokenHasWord {
                        tokenHasWord = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0xC0
                    }
                    if byte == UInt8(ascii: ")") { inURL = false }
                }
                previous = byte
            }
            return inToken && tokenHasWord ? count + 1 : count
        }
        let pieces = ["word", "[link](http://x.org/a)", "[x](y)z", "](", "(", ")", "-", "#", "|", "9", "é", "پاک", "**", "*a*", "[", "]",
                      "internationally", "a\u{1}b\u{0}c\u{1F}d", "\u{7F}\u{80}", "abcdefgh"]
        let spaces = [" ", "\n", "\t", "\r\n", "", "  ", "\u{B}", "\u{C}"]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                text += pieces.randomElement(using: &generator)! + spaces.randomElement(using: &generator)!
            }
            #expect(WordCounter.countMarkdown(text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func summariesAreCutOnAWordBoundary() {
        let long = String(repeating: "word ", count: 100)
        let summary = Summary.cut(long)
        #expect(summary.count <= 201)
        #expect(summary.hasSuffix("word…"))
        #expect(Summary.cut("Short  text\nhere.") == "Short text here.")
    }

    /// The cut reads only the start of a long paragraph; it gives what collapsing all of it and cutting would.
    @Test func summaryCutMatchesCollapsingTheWholeText() {
        func reference(_ text: String, length: Int) -> String {
            let text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard text.count > length else { return text }
            let limit = text.index(text.startIndex, offsetBy: length)
            var end = limit
            while end > text.startIndex, !text[end].isWhitespace { end = text.index(before: end) }
            if end == text.startIndex { end = limit }
            var cut = text[..<end]
            while let last = cut.last, last.isPunctuation || last.isWhitespace { cut = cut.dropLast() }
            return cut + "…"
        }
        let ascii = ["a", "bb", "ccc,", "dddd.", "$5", "a+b", "(x)", "\"q\"", "1-2", "x|y", "~^`", "!?", "_"]
        let others = ["e\u{301}", "\u{301}x", "\u{301}", "پاکستان", "\u{1F1F5}\u{1F1F0}", "x\u{00A0}y", "—", "…"]
        let spaces = [" ", "  ", "\n", "\t ", "\r\n", "\u{0B}", " \n "]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4000 {
            // Half the texts are ASCII (the fast path), half mix in other scripts and white space.
            let words = round % 2 == 0 ? ascii : ascii + others
            let spaces = round % 2 == 0 ? spaces : spaces + ["\u{2003}", "\u{85}", ""]
            var text = Bool.random(using: &generator) ? " " : ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                text += words.randomElement(using: &generator)! + spaces.randomElement(using: &generator)!
            }
            for length in [1, 5, 10, 20, 40] {
                #expect(Summary.cut(text, length: length) == reference(text, length: length), "\(text.debugDescription) at \(length)")
            }
        }
    }
}
