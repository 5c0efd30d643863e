extension Template {
    /// A piece of template source: literal text or one tag.
    ///
    /// Text tokens never span a line break: the lexer ends a text token after each `\n`, so
    /// the standalone-line pass can work line by line.
    struct Token {
        enum Kind: Equatable {
            case text
            /// `{{name}}`, HTML-escaped.
            case variable
            /// `{{{name}}}` or `{{&name}}`.
            case unescaped
            case section
            case inverted
            case close
            case partial
            case parent
            case block
            case comment
            case delimiters
        }

        var kind: Kind
        /// Offset of the first byte (for a tag, of its opening delimiter).
        var start: Int
        /// Offset just past the last byte.
        var end: Int
        /// The tag's content with surrounding whitespace removed; empty for text.
        var name: String = ""
        /// For partials, parents and blocks: the indentation decided by the standalone pass.
        var indent: [UInt8] = []
        /// Whether the tag stands alone on its line (see `Template+Whitespace.swift`).
        var standalone = false

        /// Tags that produce no output of their own may stand alone on a line.
        var canStandAlone: Bool {
            switch kind {
            case .text, .variable, .unescaped: false
            default: true
            }
        }
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Space or tab: the characters that make up indentation.
    var isIndentation: Bool { self == .space || self == .tab }

    /// Whitespace allowed around a tag's name and between two new delimiters.
    var isTagWhitespace: Bool { self == .space || self == .tab || self == .newline || self == .carriageReturn }
}
