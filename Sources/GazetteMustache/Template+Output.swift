extension Template.Renderer {
    /// Appends literal template text, indenting each new line while inside an indented
    /// partial or block.
    ///
    /// Only the template's own lines are indented: a newline inside an interpolated value
    /// does not start an indented line, as the specification requires. Empty lines stay
    /// empty (as in mustache.js), so indented partials leave no trailing whitespace.
    mutating func writeText(_ bytes: [UInt8], _ start: Int, _ end: Int) {
        guard !indent.isEmpty else {
            // Through a buffer pointer: an array slice costs a retain and the generic append path.
            bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
            atLineStart = bytes[end - 1] == .newline
            return
        }
        var lineStart = start
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != .newline { lineEnd += 1 }
            if atLineStart {
                let isEmptyLine = lineEnd < end && (lineEnd == lineStart || lineEnd == lineStart + 1 && bytes[lineStart] == .carriageReturn)
                if !isEmptyLine { output.append(contentsOf: indent) }
                atLineStart = false
            }
            if lineEnd < end {
                lineEnd += 1
                atLineStart = true
            }
            bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[lineStart..<lineEnd])) }
            lineStart = lineEnd
        }
    }

    /// Appends an interpolated value.
    ///
    /// Strings are escaped unless `escaped` is false; numbers and booleans never need it.
    /// A list renders its items separated by commas; objects and null render nothing.
    mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .null, .object, .custom:
            return
        case .string(let string):
            guard !string.isEmpty else { return }
            startOutput()
            if escaped { HTMLEscape.append(string, to: &output) } else { output.append(contentsOf: string.utf8) }
        case .int(let number):
            startOutput()
            Self.append(number, to: &output)
        case .double(let number):
            startOutput()
            Self.append(number, to: &output)
        case .bool(let flag):
            startOutput()
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list(let items):
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(item, escaped: escaped)
            }
        }
    }

    /// Indents a value that begins a line.
    private mutating func startOutput() {
        guard atLineStart else { return }
        output.append(contentsOf: indent)
        atLineStart = false
    }

    /// Decimal digits; `description` of an Int fits a small string, so this does not allocate.
    static func append(_ number: Int, to output: inout [UInt8]) {
        output.append(contentsOf: number.description.utf8)
    }

    /// Integral values print without a fraction (`1.0` as `1`, like JSON and JavaScript);
    /// others use Swift's shortest round-tripping form (`1.21`).
    static func append(_ number: Double, to output: inout [UInt8]) {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            append(Int(number), to: &output)
        } else {
            output.append(contentsOf: number.description.utf8)
        }
    }
}
