/// Maps byte offsets in a template's source to 1-based lines and columns.
///
/// Built only while compiling; rendering keeps the few positions it may report
/// (partial and parent tags) precomputed.
struct SourceLines {
    /// Offset of the first byte of each line.
    private var starts: [Int] = [0]
    private let source: [UInt8]

    init(_ source: [UInt8]) {
        self.source = source
        for (offset, byte) in source.enumerated() where byte == .newline {
            starts.append(offset + 1)
        }
    }

    /// The line and column of `offset`; the column counts Unicode scalars, not bytes.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = starts[low]
        while index < offset, index < source.count {
            // UTF-8 continuation bytes (10xxxxxx) do not start a new scalar.
            if source[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// `line:column` of `offset`, as quoted in messages ("opened at 3:5").
    func describe(_ offset: Int) -> String {
        let (line, column) = position(of: offset)
        return "\(line):\(column)"
    }
}
