/// Writes JSON straight into bytes, in a fixed order, so that an unchanged index is byte for byte the
/// same and the output sink leaves its files alone.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func int(_ value: Int) {
        raw(String(value))
    }

    /// A JSON string, escaped as everywhere else (`JSONValue.appendString`).
    mutating func string(_ text: String) {
        JSONValue.appendString(text, to: &bytes, scriptSafe: false)
    }

    /// `[a,b,c]` with `element` writing each item.
    mutating func array<C: Collection>(_ items: C, _ element: (inout JSONText, C.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            element(&self, item)
        }
        bytes.append(0x5D)
    }
}
