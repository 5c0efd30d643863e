extension Template {
    /// The specification's standalone-line rules, applied to the token list before parsing.
    ///
    /// A line is standalone when, apart from spaces and tabs, it holds only tags that produce
    /// no output (sections, inverted sections, closing tags, comments, partials, parents,
    /// blocks, delimiter changes), and at most one of them is not a parent tag: parent tags
    /// (`{{<layout}}` and its closing tag) may share the line, so `{{<layout}}{{$body}}` and
    /// `{{<layout}}{{/layout}}` stand alone, as the inheritance module requires. A standalone
    /// line is removed from the output entirely, newline (`\n` or `\r\n`) included.
    ///
    /// The pass also decides indentation:
    /// - a standalone partial or parent is indented by the whitespace before it, which is then
    ///   prepended to every line it renders;
    /// - a block on a standalone line takes the indentation of the line after it (its first
    ///   line of content), so a block's lines are re-indented as a unit; a block at the start
    ///   of a line that is not standalone takes the whitespace before it.
    enum Whitespace {
        static func apply(to tokens: inout [Token], source: [UInt8]) {
            let closesParent = parentCloses(tokens)
            var lineStart = 0
            while lineStart < tokens.count {
                var lineEnd = lineStart
                while lineEnd < tokens.count {
                    let token = tokens[lineEnd]
                    lineEnd += 1
                    if token.kind == .text, source[token.end - 1] == .newline { break }
                }
                let line = Line(range: lineStart..<lineEnd, closesParent: closesParent)
                line.apply(to: &tokens, source: source)
                lineStart = lineEnd
            }
        }

        /// Marks closing tags that close a parent tag, which may share a standalone line.
        private static func parentCloses(_ tokens: [Token]) -> [Bool] {
            var flags = [Bool](repeating: false, count: tokens.count)
            var open: [(kind: Token.Kind, name: String)] = []
            for (index, token) in tokens.enumerated() {
                switch token.kind {
                case .section, .inverted, .parent, .block:
                    open.append((token.kind, token.name))
                case .close:
                    guard let match = open.lastIndex(where: { $0.name == token.name }) else { continue }
                    flags[index] = open[match].kind == .parent && match == open.count - 1
                    open.removeSubrange(match...)
                default:
                    break
                }
            }
            return flags
        }
    }

    /// One source line of tokens, from a line start to just after its newline.
    private struct Line {
        let range: Range<Int>
        let closesParent: [Bool]

        func apply(to tokens: inout [Token], source: [UInt8]) {
            let tags = range.filter { tokens[$0].kind != .text }
            guard !tags.isEmpty else { return }
            let leading = leadingIndentation(tokens, source)
            if isStandalone(tokens, tags: tags, source: source) {
                let next = nextLineIndentation(tokens, source) ?? leading
                for index in range {
                    switch tokens[index].kind {
                    case .text: tokens[index].end = tokens[index].start
                    case .partial, .parent: tokens[index].indent = leading
                    case .block: tokens[index].indent = next
                    default: break
                    }
                    tokens[index].standalone = true
                }
            } else if let first = tags.first, tokens[first].kind == .block, first == range.lowerBound || isBlank(tokens[range.lowerBound], source) {
                tokens[first].indent = leading
            }
        }

        private func isStandalone(_ tokens: [Token], tags: [Int], source: [UInt8]) -> Bool {
            var outputTags = 0
            for index in range {
                let token = tokens[index]
                if token.kind == .text {
                    guard isBlank(token, source) else { return false }
                } else {
                    guard token.canStandAlone else { return false }
                    if token.kind != .parent, !closesParent[index] { outputTags += 1 }
                }
            }
            return outputTags <= 1
        }

        /// Spaces and tabs, optionally ended by `\n` or `\r\n`.
        private func isBlank(_ token: Token, _ source: [UInt8]) -> Bool {
            guard token.kind == .text else { return false }
            var end = token.end
            if end > token.start, source[end - 1] == .newline {
                end -= 1
                if end > token.start, source[end - 1] == .carriageReturn { end -= 1 }
            }
            return source[token.start..<end].allSatisfy(\.isIndentation)
        }

        /// The whitespace before the line's first tag, when only whitespace precedes it.
        private func leadingIndentation(_ tokens: [Token], _ source: [UInt8]) -> [UInt8] {
            let first = tokens[range.lowerBound]
            guard first.kind == .text, isBlank(first, source), source[first.end - 1] != .newline else { return [] }
            return Array(source[first.start..<first.end])
        }

        /// The indentation of the following line, or nil when this line ends the source.
        private func nextLineIndentation(_ tokens: [Token], _ source: [UInt8]) -> [UInt8]? {
            let last = tokens[range.upperBound - 1]
            guard last.kind == .text, source[last.end - 1] == .newline else { return nil }
            var end = last.end
            while end < source.count, source[end].isIndentation { end += 1 }
            return Array(source[last.end..<end])
        }
    }
}
