extension Template {
    /// Renders programs into one byte buffer.
    ///
    /// Holds all per-render state, so a compiled library can render on many threads at once:
    /// the context stack, the current indentation of standalone partials and blocks, the
    /// active block overrides and the chain of included templates.
    struct Renderer {
        /// Nested partial and parent inclusions allowed before rendering fails.
        static let maximumDepth = 64
        /// Nested sections, inverted sections, blocks, partials and parents allowed before
        /// rendering fails. Each level is a few stack frames, so this bounds the stack a render
        /// uses: without it, deeply nested sections in a recursive partial overflow the stack.
        static let maximumNesting = 512

        /// An override in scope: the content that replaces block `id` wherever it appears.
        struct ActiveOverride {
            var id: Int
            var program: Program
            var start: Int
            var end: Int
        }

        let library: [Program]
        var output: [UInt8]
        var stack: [TemplateValue]
        /// Prepended to every line while inside indented partials and blocks.
        var indent: [UInt8] = []
        /// Whether the next output starts a line, and so must be indented first.
        var atLineStart = true
        /// Earlier entries win: the outermost override of a block takes precedence.
        var overrides: [ActiveOverride] = []
        /// The templates being rendered, outermost first, for the recursion error.
        var chain: [Program] = []
        /// The sections, blocks and inclusions being rendered.
        var nesting = 0

        init(library: [Program], value: TemplateValue, output: [UInt8]) {
            self.library = library
            self.stack = [value]
            self.output = output
        }

        mutating func render(_ program: Program) throws(TemplateError) {
            chain.append(program)
            try run(program, program.ops.startIndex, program.ops.endIndex)
            chain.removeLast()
        }

        /// Executes the instructions `start..<end` of `program`.
        mutating func run(_ program: Program, _ start: Int, _ end: Int) throws(TemplateError) {
            // Read once: a class's array property read per instruction costs a retain and a release each.
            let ops = program.ops
            let paths = program.paths
            let names = program.names
            let bytes = program.bytes
            var index = start
            while index < end {
                switch ops[index] {
                case .text(let from, let to):
                    writeText(bytes, from, to)
                    index += 1
                case .variable(let path, let escaped):
                    write(lookup(paths[path], in: names), escaped: escaped)
                    index += 1
                case .section(let path, let bodyEnd, let tag):
                    let value = lookup(paths[path], in: names)
                    if value.isTruthy {
                        try enter(program, tag)
                        try renderSection(value, program, index + 1, bodyEnd)
                        nesting -= 1
                    }
                    index = bodyEnd
                case .inverted(let path, let bodyEnd, let tag):
                    if !lookup(paths[path], in: names).isTruthy {
                        try enter(program, tag)
                        try run(program, index + 1, bodyEnd)
                        nesting -= 1
                    }
                    index = bodyEnd
                case .partial(let template, let indent, let tag):
                    try include(library[template], indent: indent, from: program, tag: tag)
                    index += 1
                case .parent(let info, let bodyEnd):
                    try renderParent(program.parents[info], from: program)
                    index = bodyEnd
                case .block(let id, let indent, let standalone, let bodyEnd, let tag):
                    try enter(program, tag)
                    try renderBlock(id, indent: indent, standalone: standalone, program, index + 1, bodyEnd)
                    nesting -= 1
                    index = bodyEnd
                }
            }
        }

        /// Renders a section's body for a truthy value.
        private mutating func renderSection(_ value: TemplateValue, _ program: Program, _ start: Int, _ end: Int) throws(TemplateError) {
            switch value {
            case .list(let items):
                for item in items {
                    stack.append(item)
                    try run(program, start, end)
                    stack.removeLast()
                }
            default:
                stack.append(value)
                try run(program, start, end)
                stack.removeLast()
            }
        }

        private mutating func renderParent(_ info: ParentInfo, from program: Program) throws(TemplateError) {
            let mark = overrides.count
            for override in info.overrides {
                overrides.append(ActiveOverride(id: override.id, program: program, start: override.start, end: override.end))
            }
            try include(library[info.template], indent: info.indent, from: program, tag: info.tag)
            overrides.removeSubrange(mark...)
        }

        private mutating func renderBlock(_ id: Int, indent: Int, standalone: Bool, _ program: Program, _ start: Int, _ end: Int) throws(TemplateError) {
            guard let override = overrides.first(where: { $0.id == id }) else {
                return try run(program, start, end)
            }
            // The override's own indentation was removed when it was compiled; give it the
            // indentation of the block it replaces.
            let mark = self.indent.count
            if indent >= 0 {
                self.indent.append(contentsOf: program.indents[indent])
                if standalone { atLineStart = true }
            }
            try run(override.program, override.start, override.end)
            self.indent.removeSubrange(mark...)
        }

        private mutating func include(_ target: Program, indent: Int, from program: Program, tag: Int) throws(TemplateError) {
            guard chain.count <= Self.maximumDepth else {
                throw recursionError(including: target, from: program, tag: program.tags[tag])
            }
            try enter(program, tag)
            let mark = self.indent.count
            if indent >= 0 {
                self.indent.append(contentsOf: program.indents[indent])
                atLineStart = true
            }
            chain.append(target)
            try run(target, target.ops.startIndex, target.ops.endIndex)
            chain.removeLast()
            self.indent.removeSubrange(mark...)
            nesting -= 1
        }

        /// Counts one more level of nesting, at the tag `tags[tag]` of `program`.
        private mutating func enter(_ program: Program, _ tag: Int) throws(TemplateError) {
            guard nesting < Self.maximumNesting else {
                let position = program.tags[tag]
                throw TemplateError(
                    file: program.file, line: position.line, column: position.column,
                    message: "sections, blocks and partials nested deeper than \(Self.maximumNesting): \(Self.shortened(chain))")
            }
            nesting += 1
        }

        private func recursionError(including target: Program, from program: Program, tag: TagPosition) -> TemplateError {
            return TemplateError(
                file: program.file, line: tag.line, column: tag.column,
                message: "partial recursion deeper than \(Self.maximumDepth): \(Self.shortened(chain + [target]))")
        }

        /// `a > b > c`, with the middle of a long chain left out.
        private static func shortened(_ chain: [Program]) -> String {
            let names = chain.map(\.name)
            return (names.count <= 8 ? names : names.prefix(4) + ["…"] + names.suffix(3)).joined(separator: " > ")
        }
    }
}
