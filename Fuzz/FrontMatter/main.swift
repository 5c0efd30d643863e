/// FrontMatter.split on arbitrary bytes, checked against a line-by-line model of the format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let result = FrontMatter.split(bytes)
    let expected = model(Array(bytes))
    switch (result, expected) {
    case (.success(let front), .success(let model)):
        check(front.bodyOffset >= 0 && front.bodyOffset <= size, "bodyOffset \(front.bodyOffset) outside 0...\(size)")
        check(front.bodyOffset == model.bodyOffset, "bodyOffset \(front.bodyOffset), expected \(model.bodyOffset)")
        let newlines = bytes[..<front.bodyOffset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        check(front.bodyLine == newlines + 1, "bodyLine \(front.bodyLine) with \(newlines) newlines before the body")
        check(front.yaml == model.yaml, "yaml \(shown(front.yaml)), expected \(shown(model.yaml))")
    case (.failure(let problem), .failure(let modelProblem)):
        check(problem == modelProblem, "problem \(problem), expected \(modelProblem)")
    default:
        check(false, "split gave \(result), the model \(expected)")
    }
    return 0
}

/// The format spelled out over a list of lines: a first line `---`, then YAML up to the next
/// line `---` or `...`; a marker line may end in spaces, tabs and `\r`.
private func model(_ bytes: [UInt8]) -> Result<(yaml: String, bodyOffset: Int), FrontMatter.Problem> {
    guard bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return .failure(.empty) }
    var lines: [Range<Int>] = []
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
        lines.append(start..<offset)
        start = offset + 1
    }
    lines.append(start..<bytes.count)
    func isMarker(_ line: Range<Int>, _ mark: UInt8) -> Bool {
        let content = bytes[line]
        return content.count >= 3 && content.prefix(3).allSatisfy { $0 == mark }
            && content.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
    guard isMarker(lines[0], UInt8(ascii: "-")) else { return .failure(.missing) }
    for line in lines.dropFirst() where isMarker(line, UInt8(ascii: "-")) || isMarker(line, UInt8(ascii: ".")) {
        let yaml = String(decoding: bytes[lines[1].lowerBound..<line.lowerBound], as: UTF8.self)
        return .success((yaml, min(line.upperBound + 1, bytes.count)))
    }
    return .failure(.unterminated)
}
