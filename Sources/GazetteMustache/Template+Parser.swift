extension Template {
    /// Turns the token list into a `Program`: matches sections with their closing tags,
    /// resolves partial and parent names to library indices, and interns names and blocks.
    ///
    /// Errors are collected and parsing goes on, so one run reports every problem it can.
    struct Parser {
        struct Frame {
            var kind: Token.Kind
            var name: String
            var offset: Int
            var op: Int
            /// Indentation removed from the start of each content line (see `Template+Whitespace`).
            var strip: Int
            /// For a parent: its `parents` index. For an override: the parent's index.
            var parent: Int = -1
            /// For an override: its index in the parent's overrides.
            var override: Int = -1
        }

        let source: [UInt8]
        let lines: SourceLines
        let templates: [String: Int]
        var blocks: BlockNames
        var problems: [Lexer.Problem] = []
        var ops: [Op] = []
        var bytes: [UInt8] = []
        /// Each name as a range of `names`, its components one after another.
        var paths: [Range<Int>] = []
        var names: [String] = []
        var pathIndex: [String: Int] = [:]
        var indents: [[UInt8]] = []
        var parents: [ParentInfo] = []
        var tags: [TagPosition] = []
        var frames: [Frame] = []
        /// Whether the last instruction is text that the next text may extend.
        var canMergeText = false

        init(source: [UInt8], lines: SourceLines, templates: [String: Int], blocks: BlockNames) {
            self.source = source
            self.lines = lines
            self.templates = templates
            self.blocks = blocks
        }

        mutating func parse(_ tokens: [Token]) {
            for token in tokens {
                switch token.kind {
                case .text: appendText(token)
                case .variable, .unescaped:
                    guard let path = path(token) else { continue }
                    append(.variable(path: path, escaped: token.kind == .variable))
                case .section, .inverted:
                    let path = path(token) ?? -1
                    open(token, .section(path: path, end: -1, tag: tag(token)))
                case .partial:
                    guard let template = resolve(token, "partial") else { continue }
                    append(.partial(template: template, indent: indent(token), tag: tag(token)))
                case .parent:
                    let info = parents.count
                    let template = resolve(token, "parent") ?? -1
                    parents.append(ParentInfo(template: template, indent: indent(token), tag: tag(token), overrides: []))
                    open(token, .parent(info: info, end: -1), parent: info)
                case .block: openBlock(token)
                case .close: close(token)
                case .comment, .delimiters: break
                }
            }
            for frame in frames {
                report(frame.offset, "unclosed \(describe(frame.kind)) '\(frame.name)': opened here, never closed")
            }
        }

        /// The compiled program, or nil when there were errors.
        func program(name: String, file: String) -> Program? {
            guard problems.isEmpty else { return nil }
            return Program(
                name: name, file: file, ops: ops, bytes: bytes, names: names, paths: paths,
                indents: indents, parents: parents, tags: tags)
        }

        var strip: Int { frames.last?.strip ?? 0 }

        private mutating func appendText(_ token: Token) {
            var start = token.start
            if strip > 0, start == 0 || source[start - 1] == .newline {
                let limit = min(token.end, start + strip)
                while start < limit, source[start].isIndentation { start += 1 }
            }
            guard start < token.end else { return }
            bytes.append(contentsOf: source[start..<token.end])
            if canMergeText, case .text(let first, _) = ops[ops.count - 1] {
                ops[ops.count - 1] = .text(start: first, end: bytes.count)
            } else {
                ops.append(.text(start: bytes.count - (token.end - start), end: bytes.count))
                canMergeText = true
            }
        }

        private mutating func append(_ op: Op) {
            ops.append(op)
            canMergeText = false
        }

        private mutating func open(_ token: Token, _ op: Op, strip: Int? = nil, parent: Int = -1) {
            let frame = Frame(
                kind: token.kind, name: token.name, offset: token.start, op: ops.count,
                strip: strip ?? self.strip, parent: parent)
            frames.append(frame)
            append(op)
        }

        /// A block directly inside a parent tag overrides the parent's block; anywhere else it
        /// marks a place that can be overridden, with its body as the default.
        private mutating func openBlock(_ token: Token) {
            let id = blocks.id(for: token.name)
            if let enclosing = frames.last, enclosing.kind == .parent, enclosing.parent >= 0 {
                let info = enclosing.parent
                parents[info].overrides.append(.init(id: id, start: ops.count + 1, end: -1))
                open(token, .block(id: id, indent: -1, standalone: token.standalone, end: -1, tag: tag(token)), strip: token.indent.count, parent: info)
                frames[frames.count - 1].override = parents[info].overrides.count - 1
            } else {
                // The override would replace its own nested block with itself, endlessly.
                if frames.contains(where: { $0.override >= 0 && $0.name == token.name }) {
                    report(token.start, "block '\(token.name)' inside an override of the same block would repeat forever")
                }
                open(token, .block(id: id, indent: indent(token), standalone: token.standalone, end: -1, tag: tag(token)))
            }
        }

        private mutating func close(_ token: Token) {
            guard let match = frames.lastIndex(where: { $0.name == token.name }), match == frames.count - 1 else {
                if let top = frames.last {
                    report(token.start, "closing tag '\(token.name)' does not match open \(describe(top.kind)) '\(top.name)' (opened at \(lines.describe(top.offset)))")
                } else {
                    report(token.start, "closing tag '\(token.name)' without an open section")
                }
                // Recover by closing everything up to a matching frame; without one, take the
                // tag as a misspelt close of the innermost frame.
                let match = frames.lastIndex(where: { $0.name == token.name }) ?? frames.count - 1
                while frames.count > max(match, 0) { finish(frames.removeLast()) }
                return
            }
            finish(frames.removeLast())
        }

        private mutating func finish(_ frame: Frame) {
            let end = ops.count
            switch ops[frame.op] {
            case .section(let path, _, let tag):
                ops[frame.op] = frame.kind == .inverted ? .inverted(path: path, end: end, tag: tag) : .section(path: path, end: end, tag: tag)
            case .parent(let info, _): ops[frame.op] = .parent(info: info, end: end)
            case .block(let id, let indent, let standalone, _, let tag):
                ops[frame.op] = .block(id: id, indent: indent, standalone: standalone, end: end, tag: tag)
            default: break
            }
            if frame.override >= 0 { parents[frame.parent].overrides[frame.override].end = end }
            canMergeText = false
        }
    }
}
