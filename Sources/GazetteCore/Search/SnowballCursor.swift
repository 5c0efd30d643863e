/// The string machine Snowball stemmers are written for: a word being rewritten in place, a cursor that
/// moves forwards or backwards, and the slice `bra..<ket` that the next replacement changes.
///
/// The operations keep Snowball's names and meaning, so `Stemmer` reads like the published algorithm
/// and can be checked against it line by line. Words are lowercase ASCII bytes.
struct SnowballCursor {
    var current: [UInt8]
    var cursor = 0
    var limit: Int
    var limitBackward = 0
    var bra = 0
    var ket: Int

    init(_ word: [UInt8]) {
        current = word
        limit = word.count
        ket = word.count
    }

    /// A set of letters (`aeiouy`, …), as bits over `A`…`z`.
    struct Grouping {
        let mask: UInt64

        init(_ letters: String) {
            mask = letters.utf8.reduce(0) { $0 | (1 << UInt64($1 - 0x41)) }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte >= 0x41 && byte <= 0x7A && mask & (1 << UInt64(byte - 0x41)) != 0
        }
    }

    /// One entry of an `among` list: a string and what matching it yields (-1: matched, nothing to do).
    typealias Among = (s: [UInt8], result: Int)

    static func among(_ entries: [(String, Int)]) -> [Among] {
        entries.map { (Array($0.0.utf8), $0.1) }
    }

    mutating func inGrouping(_ g: Grouping) -> Bool {
        guard cursor < limit, g.contains(current[cursor]) else { return false }
        cursor += 1
        return true
    }

    mutating func inGroupingBackward(_ g: Grouping) -> Bool {
        guard cursor > limitBackward, g.contains(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    mutating func outGroupingBackward(_ g: Grouping) -> Bool {
        guard cursor > limitBackward, !g.contains(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    /// Moves forwards over letters in `g`; false when the word ends first.
    mutating func goInGrouping(_ g: Grouping) -> Bool {
        while cursor < limit {
            if !g.contains(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    /// Moves forwards over letters not in `g`; false when the word ends first.
    mutating func goOutGrouping(_ g: Grouping) -> Bool {
        while cursor < limit {
            if g.contains(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    /// Moves backwards over letters not in `g`; false when the start is reached first.
    mutating func goOutGroupingBackward(_ g: Grouping) -> Bool {
        while cursor > limitBackward {
            if g.contains(current[cursor - 1]) { return true }
            cursor -= 1
        }
        return false
    }

    /// True, moving back over it, when the text before the cursor is `s`.
    mutating func eqBackward(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard cursor - limitBackward >= bytes.count, current[(cursor - bytes.count)..<cursor].elementsEqual(bytes) else { return false }
        cursor -= bytes.count
        return true
    }

    /// True, stepping back over it, when the letter before the cursor is `byte`.
    mutating func letterBackward(_ byte: UInt8) -> Bool {
        guard cursor > limitBackward, current[cursor - 1] == byte else { return false }
        cursor -= 1
        return true
    }

    /// The longest entry that starts at the cursor: its result, or 0; the cursor moves past it.
    mutating func findAmong(_ entries: [Among]) -> Int {
        var best: Among?
        for entry in entries where limit - cursor >= entry.s.count && (best == nil || entry.s.count > best!.s.count) {
            if current[cursor..<(cursor + entry.s.count)].elementsEqual(entry.s) { best = entry }
        }
        guard let best else { return 0 }
        cursor += best.s.count
        return best.result
    }

    /// The longest entry that ends at the cursor: its result, or 0; the cursor moves before it.
    mutating func findAmongBackward(_ entries: [Among]) -> Int {
        var best: Among?
        for entry in entries where cursor - limitBackward >= entry.s.count && (best == nil || entry.s.count > best!.s.count) {
            if current[(cursor - entry.s.count)..<cursor].elementsEqual(entry.s) { best = entry }
        }
        guard let best else { return 0 }
        cursor -= best.s.count
        return best.result
    }

    /// Replaces `bra..<ket` with `s`, keeping the cursor and the limit where Snowball would.
    mutating func sliceFrom(_ s: String) {
        let bytes = Array(s.utf8)
        let adjustment = bytes.count - (ket - bra)
        current.replaceSubrange(bra..<ket, with: bytes)
        limit += adjustment
        if cursor >= ket {
            cursor += adjustment
        } else if cursor > bra {
            cursor = bra
        }
        ket = bra + bytes.count
    }

    mutating func sliceDelete() {
        sliceFrom("")
    }
}
