/// Slug.make on arbitrary text: only allowed characters, hyphens only between kept
/// characters, idempotent; and Slug.urlEncoded is reversible.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    let slug = Slug.make(input)
    for scalar in slug.unicodeScalars {
        let allowed = scalar.isASCII
            ? ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || [.nonspacingMark, .spacingMark].contains(scalar.properties.generalCategory)
        check(allowed, "\(shown(input)) -> \(shown(slug)): U+\(String(scalar.value, radix: 16)) is not allowed")
    }
    check(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "\(shown(input)) -> \(shown(slug)): stray hyphen")
    let again = Slug.make(slug)
    check(Array(again.utf8) == Array(slug.utf8), "not idempotent: \(shown(input)) -> \(shown(slug)) -> \(shown(again))")

    let encoded = Slug.urlEncoded(slug)
    check(encoded.utf8.allSatisfy { $0 < 0x80 }, "urlEncoded \(shown(encoded)) is not ASCII")
    check(percentDecoded(encoded) == Array(slug.utf8), "urlEncoded \(shown(encoded)) does not decode to \(shown(slug))")
    return 0
}

private func percentDecoded(_ text: String) -> [UInt8] {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
           let byte = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
            output.append(byte)
            index += 3
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    return output
}
