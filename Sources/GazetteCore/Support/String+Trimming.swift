import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces`), but text whose ends are
    /// ASCII and not blank, as nearly every front matter value is, comes back without Foundation's work.
    func trimmingBlanks(andNewlines: Bool = true) -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if first < 0x80, last < 0x80, !Self.isBlank(first, andNewlines), !Self.isBlank(last, andNewlines) { return String(self) }
        return trimmingCharacters(in: andNewlines ? .whitespacesAndNewlines : .whitespaces)
    }

    /// The ASCII members of `.whitespaces` (space, tab) and of `.whitespacesAndNewlines` (and LF, VT, FF, CR).
    private static func isBlank(_ byte: UInt8, _ andNewlines: Bool) -> Bool {
        byte == 0x20 || byte == 0x09 || (andNewlines && byte >= 0x0A && byte <= 0x0D)
    }
}
