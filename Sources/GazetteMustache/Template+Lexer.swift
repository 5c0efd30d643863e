extension Template {
    /// Splits template source into text and tag tokens, following set-delimiter tags.
    ///
    /// Problems are collected with their offset rather than thrown, so that one pass reports
    /// every bad tag it can; only an unterminated tag ends the scan, because nothing after it
    /// can be told apart from the tag's content.
    struct Lexer {
        struct Problem {
            var offset: Int
            var message: String
        }

        let source: [UInt8]
        private(set) var tokens: [Token] = []
        private(set) var problems: [Problem] = []
        private var open: [UInt8] = Array("{{".utf8)
        private var close: [UInt8] = Array("}}".utf8)

        init(source: [UInt8]) {
            self.source = source
        }

        mutating func run() {
            var textStart = 0
            var index = 0
            while index < source.count {
                guard source[index] == open[0], matches(open, at: index) else {
                    index += 1
                    continue
                }
                appendText(from: textStart, to: index)
                guard let next = lexTag(at: index) else { return }
                index = next
                textStart = next
            }
            appendText(from: textStart, to: source.count)
        }

        private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
            guard offset + delimiter.count <= source.count else { return false }
            for (index, byte) in delimiter.enumerated() where source[offset + index] != byte {
                return false
            }
            return true
        }

        private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
            var index = offset
            while index + delimiter.count <= source.count {
                if source[index] == delimiter[0], matches(delimiter, at: index) { return index }
                index += 1
            }
            return nil
        }

        /// Appends text as tokens that each end after a newline, for the standalone pass.
        private mutating func appendText(from start: Int, to end: Int) {
            var lineStart = start
            var index = start
            while index < end {
                if source[index] == .newline {
                    tokens.append(Token(kind: .text, start: lineStart, end: index + 1))
                    lineStart = index + 1
                }
                index += 1
            }
            if lineStart < end {
                tokens.append(Token(kind: .text, start: lineStart, end: end))
            }
        }

        /// Lexes the tag whose opening delimiter is at `start`; returns the offset after it,
        /// or nil when the tag is unterminated and the scan must stop.
        private mutating func lexTag(at start: Int) -> Int? {
            let sigilOffset = start + open.count
            let sigil: UInt8? = sigilOffset < source.count ? source[sigilOffset] : nil
            let (kind, terminator) = classify(sigil)
            let contentStart = kind == .variable ? sigilOffset : sigilOffset + 1
            guard let contentEnd = find(terminator, from: contentStart) else {
                let what = kind == .comment ? "comment" : kind == .delimiters ? "delimiter change" : "tag"
                report(start, "unterminated \(what): missing '\(text(terminator))'")
                // A delimiter change missing its final '=' still ends at the closing delimiter.
                if kind == .delimiters, let end = find(close, from: contentStart) {
                    return end + close.count
                }
                return nil
            }
            let end = contentEnd + terminator.count
            let content = trimmed(contentStart, contentEnd)
            let tagText = text(Array(source[start..<end]))
            switch kind {
            case .comment:
                break
            case .delimiters:
                changeDelimiters(content, tagText: tagText, at: start)
            default:
                guard !content.isEmpty else {
                    report(start, "empty tag '\(tagText)'")
                    return end
                }
                let name = text(content)
                guard !content.contains(where: \.isTagWhitespace) else {
                    report(start, "invalid name '\(name)' in tag '\(tagText)': names cannot contain spaces")
                    return end
                }
                tokens.append(Token(kind: kind, start: start, end: end, name: name))
                return end
            }
            tokens.append(Token(kind: kind, start: start, end: end))
            return end
        }

        private func classify(_ sigil: UInt8?) -> (Token.Kind, [UInt8]) {
            switch sigil ?? 0 {
            case UInt8(ascii: "{"): (.unescaped, Array("}".utf8) + close)
            case UInt8(ascii: "&"): (.unescaped, close)
            case UInt8(ascii: "#"): (.section, close)
            case UInt8(ascii: "^"): (.inverted, close)
            case UInt8(ascii: "/"): (.close, close)
            case UInt8(ascii: ">"): (.partial, close)
            case UInt8(ascii: "<"): (.parent, close)
            case UInt8(ascii: "$"): (.block, close)
            case UInt8(ascii: "!"): (.comment, close)
            case UInt8(ascii: "="): (.delimiters, Array("=".utf8) + close)
            default: (.variable, close)
            }
        }

        private mutating func changeDelimiters(_ content: [UInt8], tagText: String, at start: Int) {
            let parts = content.split(whereSeparator: \.isTagWhitespace)
            guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                report(start, "bad delimiter change '\(tagText)': expected two delimiters separated by a space, neither containing '='")
                return
            }
            open = Array(parts[0])
            close = Array(parts[1])
        }

        private func trimmed(_ start: Int, _ end: Int) -> [UInt8] {
            var start = start
            var end = end
            while start < end, source[start].isTagWhitespace { start += 1 }
            while end > start, source[end - 1].isTagWhitespace { end -= 1 }
            return Array(source[start..<end])
        }

        private func text(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self)
        }

        private mutating func report(_ offset: Int, _ message: String) {
            problems.append(Problem(offset: offset, message: message))
        }
    }
}
