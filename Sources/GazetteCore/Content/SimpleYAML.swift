import Yams

/// The front matter nearly every article has, composed without libyaml: lines `key: value` at the start
/// of the line, each value one quoted or plain scalar on its line, a flow list of such scalars, or, under
/// an empty key, a block list of them or one mapping of such lines (`image:` and its fields). Anything
/// else (escapes, comments after a value, multi-line scalars, anchors, tags, deeper mappings, a key given
/// twice, tabs, `\r`) returns nil, and Yams reads the text instead, with its own errors.
///
/// The nodes are the ones Yams composes for the same text: the same strings, scalar styles and marks,
/// so that fields and their diagnostics read the same (a test compares the two over every article of
/// the seed and of a generated archive, and over texts made to fall on either side of the line). Yams
/// spent most of an article's loading time on its event parser and on hashing every key to look for
/// duplicates.
enum SimpleYAML {
    static func compose(_ text: String) -> Node? {
        var text = text
        return text.withUTF8 { bytes in
            guard marksCanBeMade, isPlainText(bytes) else { return nil }
            var parser = Parser(bytes: bytes)
            return parser.document()
        }
    }

    /// Yams keeps `Mark`'s initializer to itself. A mark is its two `Int`s, line then column; that is checked
    /// once, and if it ever stops being so, every text goes to Yams.
    private static let marksCanBeMade = MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size
        && MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment
        && { let mark = unsafeBitCast((3, 7), to: Mark.self); return mark.line == 3 && mark.column == 7 }()

    /// `Tag.implicit` makes a new `Constructor`, three dictionaries, each time; this one never changes.
    /// A tag itself is made for each node, as Yams does: resolving one writes into it.
    nonisolated(unsafe) private static let constructor = Constructor.default

    fileprivate static func tag() -> Tag {
        Tag(.implicit, .basic, constructor)
    }

    fileprivate static func makeMark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    /// No control character but `\n`, and none of the characters libyaml takes for line breaks (NEL, LS, PS),
    /// refuses (C1 controls, a byte order mark, U+FFFE, U+FFFF) or counts differently.
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != UInt8(ascii: "\n") || byte == 0x7F { return false }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return false
            }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
                || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                return false
            }
            index += 1
        }
        return true
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 1

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func document() -> Node? {
            guard let root = mapping(indent: 0), position == bytes.count else { return nil }
            return root
        }

        /// `key: value` lines `indent` spaces in, up to a line indented less: the root mapping (0), or one
        /// nested in it (`image:` and its fields below).
        private mutating func mapping(indent: Int) -> Node? {
            var pairs: [(Node, Node)] = []
            var keys: Set<String> = []
            var mappingMark: Mark?
            while position < bytes.count {
                let end = lineEnd()
                let text = skipSpaces(position, end)
                if text == end || bytes[text] == .hash {
                    // A blank line, or a comment on a line of its own.
                    nextLine(after: end)
                    continue
                }
                if text - position < indent { break }
                guard text - position == indent, let (key, colon) = key(from: text, upTo: end), keys.insert(key).inserted else {
                    return nil
                }
                let mark = SimpleYAML.makeMark(line: line, column: indent + 1)
                let keyNode = Node.scalar(.init(key, SimpleYAML.tag(), .plain, mark))
                if mappingMark == nil { mappingMark = mark }
                let start = skipSpaces(colon + 1, end)
                if start == end {
                    // The value is on the lines below: a block list, or (in the root) a nested mapping.
                    nextLine(after: end)
                    guard indent == 0, position < bytes.count else { return nil }
                    let belowEnd = lineEnd()
                    let below = skipSpaces(position, belowEnd)
                    guard below < belowEnd else { return nil }
                    let value = bytes[below] == .dash ? blockList() : below > position ? mapping(indent: below - position) : nil
                    guard let value else { return nil }
                    pairs.append((keyNode, value))
                    continue
                }
                guard start > colon + 1, let value = value(from: start, to: end) else { return nil }
                pairs.append((keyNode, value))
                nextLine(after: end)
            }
            guard let mappingMark else { return nil }
            return .mapping(.init(pairs, SimpleYAML.tag(), .any, mappingMark))
        }

        /// `- item` lines, all indented alike, right below a key with no value.
        private mutating func blockList() -> Node? {
            var items: [Node] = []
            var indent = -1
            var listMark: Mark?
            while position < bytes.count {
                let end = lineEnd()
                let dash = skipSpaces(position, end)
                guard dash < end, bytes[dash] == .dash else { break }
                if indent < 0 {
                    indent = dash - position
                    listMark = SimpleYAML.makeMark(line: line, column: indent + 1)
                }
                guard dash - position == indent, dash + 1 < end, bytes[dash + 1] == .space else { return nil }
                let start = skipSpaces(dash + 1, end)
                guard start < end, let item = value(from: start, to: end, inList: true) else { return nil }
                items.append(item)
                nextLine(after: end)
            }
            // An empty value (null) and a list that ends on an indented line are left to Yams.
            guard let listMark, position == bytes.count || bytes[position] != .space else { return nil }
            return .sequence(.init(items, SimpleYAML.tag(), .any, listMark))
        }

        /// One scalar, or a flow list of scalars, filling `start..<end`.
        private func value(from start: Int, to end: Int, inList: Bool = false) -> Node? {
            let mark = self.mark(at: start)
            if bytes[start] == .openBracket, !inList { return flowList(from: start, to: end, mark: mark) }
            guard let (scalar, after) = scalar(from: start, to: end, inFlow: false, mark: mark), skipSpaces(after, end) == end else { return nil }
            return scalar
        }

        /// `[a, "b", 'c']` on one line.
        private func flowList(from start: Int, to end: Int, mark: Mark) -> Node? {
            var items: [Node] = []
            var index = skipSpaces(start + 1, end)
            if index < end, bytes[index] == .closeBracket {
                return skipSpaces(index + 1, end) == end ? .sequence(.init([], SimpleYAML.tag(), .any, mark)) : nil
            }
            while index < end {
                guard let (item, after) = scalar(from: index, to: end, inFlow: true, mark: self.mark(at: index)) else { return nil }
                items.append(item)
                index = skipSpaces(after, end)
                guard index < end else { return nil }
                if bytes[index] == .closeBracket {
                    return skipSpaces(index + 1, end) == end ? .sequence(.init(items, SimpleYAML.tag(), .any, mark)) : nil
                }
                guard bytes[index] == .comma else { return nil }
                index = skipSpaces(index + 1, end)
            }
            return nil
        }

        /// A quoted scalar with no escapes, or a plain one with no character that could make it more than text.
        private func scalar(from start: Int, to end: Int, inFlow: Bool, mark: Mark) -> (Node, Int)? {
            let first = bytes[start]
            if first == .doubleQuote || first == .singleQuote {
                var index = start + 1
                while index < end, bytes[index] != first {
                    if bytes[index] == .backslash && first == .doubleQuote { return nil }
                    index += 1
                }
                // Unclosed (a multi-line scalar), or `''`, a quote inside a single-quoted one.
                guard index < end, index + 1 >= end || bytes[index + 1] != .singleQuote else { return nil }
                let style: Node.Scalar.Style = first == .doubleQuote ? .doubleQuoted : .singleQuoted
                return (.scalar(.init(string(start + 1, index), SimpleYAML.tag(), style, mark)), index + 1)
            }
            guard !Self.startsSomethingElse(first) else { return nil }
            var index = start
            var last = start  // the end of the scalar without its trailing spaces
            while index < end {
                let byte = bytes[index]
                if inFlow, byte == .comma || byte == .closeBracket { break }
                if byte == .colon, index + 1 == end || bytes[index + 1] == .space || (inFlow && Self.isFlowIndicator(bytes[index + 1])) {
                    return nil
                }
                if byte == .hash, bytes[index - 1] == .space { return nil }
                if inFlow, byte == .openBracket || byte == .openBrace || byte == .closeBrace { return nil }
                index += 1
                if byte != .space { last = index }
            }
            return (.scalar(.init(string(start, last), SimpleYAML.tag(), .plain, mark)), index)
        }

        /// Characters a plain scalar cannot start with, or that start one only in ways left to Yams.
        private static func startsSomethingElse(_ byte: UInt8) -> Bool {
            switch byte {
            case .dash, .questionMark, .colon, .comma, .openBracket, .closeBracket, .openBrace, .closeBrace, .hash,
                 .ampersand, .asterisk, .exclamation, .pipe, .greaterThan, .percent, .at, .backtick, .space:
                true
            default: false
            }
        }

        /// What libyaml refuses right after a `:` in a flow list's plain scalar.
        private static func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == .comma || byte == .questionMark || byte == .openBracket || byte == .closeBracket || byte == .openBrace
                || byte == .closeBrace
        }

        /// A key of letters, digits, `_` and `-` starting at `start`, and the position of its colon.
        private func key(from start: Int, upTo end: Int) -> (String, Int)? {
            var index = start
            while index < end {
                let byte = bytes[index]
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                let isOther = byte == .underscore || (index > start && (byte == .dash || (byte >= 0x30 && byte <= 0x39)))
                guard isLetter || isOther else { break }
                index += 1
            }
            // libyaml gives up on a key longer than 1,024 characters.
            guard index > start, index - start <= 1024, index < end, bytes[index] == .colon else { return nil }
            return (string(start, index), index)
        }

        /// Where the line ends: at its `\n`, or at the end of the text.
        private func lineEnd() -> Int {
            var index = position
            while index < bytes.count, bytes[index] != .newline { index += 1 }
            return index
        }

        private mutating func nextLine(after end: Int) {
            position = min(end + 1, bytes.count)
            line += 1
        }

        private func skipSpaces(_ index: Int, _ end: Int) -> Int {
            var index = index
            while index < end, bytes[index] == .space { index += 1 }
            return index
        }

        /// Where `index` is on the current line; libyaml counts columns in Unicode scalars, from 1.
        private func mark(at index: Int) -> Mark {
            var column = 1
            for byte in bytes[position..<index] where byte & 0xC0 != 0x80 { column += 1 }
            return SimpleYAML.makeMark(line: line, column: column)
        }

        private func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " "), hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-"), underscore = UInt8(ascii: "_"), backslash = UInt8(ascii: "\\")
    static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let questionMark = UInt8(ascii: "?"), ampersand = UInt8(ascii: "&"), asterisk = UInt8(ascii: "*")
    static let exclamation = UInt8(ascii: "!"), pipe = UInt8(ascii: "|"), greaterThan = UInt8(ascii: ">")
    static let percent = UInt8(ascii: "%"), at = UInt8(ascii: "@"), backtick = UInt8(ascii: "`")
}
