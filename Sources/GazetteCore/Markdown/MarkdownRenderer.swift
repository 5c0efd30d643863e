#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CCmarkGFM
import Synchronization

/// What one Markdown body gives: its HTML and the plain text of its first paragraph.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var firstParagraph: String
}

/// Markdown to HTML through cmark-gfm with the GitHub extensions, footnotes and smart punctuation.
///
/// This is the only file that talks to C: no cmark type leaves it.
public struct MarkdownRenderer: Sendable {
    /// Keeps raw HTML in the output; otherwise cmark replaces it with a comment.
    public var unsafe: Bool

    public init(unsafe: Bool = false) {
        Self.registerExtensions()
        self.unsafe = unsafe
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe: a static `let` runs it exactly once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func registerExtensions() {
        _ = registered
    }

    /// Held while a document's inlines are parsed (`cmark_parser_finish`). For that parse cmark-gfm marks
    /// its extensions' characters (`~`, `:`, `w`, `|`) in tables shared by the whole process, and unmarks
    /// them after: a document parsed on another thread meanwhile would lose its strikethrough, autolinks
    /// and escaped table pipes from that moment on.
    private static let inlineParsing = Mutex(())

    private var options: Int32 {
        // Table alignment as style attributes: HTML5 made `align` obsolete, and the Nu checker says so.
        var options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if unsafe { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Parses `source` and returns its HTML (when `html` is true) and its first paragraph.
    public func render(_ source: some StringProtocol, html: Bool = true) -> RenderedMarkdown {
        guard let parser = cmark_parser_new(options) else {
            return RenderedMarkdown(html: "", firstParagraph: "")
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var source = String(source)
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        var finished: OpaquePointer?
        Self.inlineParsing.withLock { _ in finished = cmark_parser_finish(parser) }
        guard let document = finished else {
            return RenderedMarkdown(html: "", firstParagraph: "")
        }
        defer { cmark_node_free(document) }

        var output = ""
        if html, let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) {
            output = String(cString: rendered)
            free(rendered)
        }
        return RenderedMarkdown(html: output, firstParagraph: Self.firstParagraph(of: document))
    }

    /// The plain text of the first paragraph, with line breaks as spaces.
    private static func firstParagraph(of document: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        var inside = false
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH {
                if event == CMARK_EVENT_EXIT, inside { break }
                inside = event == CMARK_EVENT_ENTER
                continue
            }
            guard inside, event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
