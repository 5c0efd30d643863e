import GazetteMustache
import Testing

@Suite struct CommentTests {
    @Test func commentsRenderNothing() throws {
        #expect(try render("12345{{! Comment Block! }}67890") == "1234567890")
        #expect(try render("12345{{!\n  This is a\n  multi-line comment...\n}}67890") == "1234567890")
    }

    @Test func standaloneCommentLinesAreRemoved() throws {
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{! Indented }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n{{!\nmulti\nline\n}}\nEnd.\n") == "Begin.\nEnd.\n")
    }

    @Test func inlineCommentsKeepTheirLine() throws {
        #expect(try render("  12 {{! 34 }}\n") == "  12 \n")
    }

    @Test func commentsEndAtTheFirstClosingDelimiter() throws {
        #expect(try render("a{{! {{name and {{#x }}b") == "ab")
        #expect(try render("a{{! x }} y }}b") == "a y }}b")
    }
}
