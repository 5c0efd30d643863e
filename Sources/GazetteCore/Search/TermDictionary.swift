import Synchronization

/// Every term of the archive, numbered in the order first seen, shared by the threads that index.
///
/// Each analyzer remembers the numbers of the words it has met, so this lock is taken only the first
/// time a thread meets a word, not once per word.
final class TermDictionary: Sendable {
    private let state: Mutex<(numbers: [TermKey: UInt32], terms: [String])>

    init() {
        state = Mutex(([:], []))
    }

    /// Starts from `terms` with their numbers, so that the numbers cached bodies use stay valid; nil when a
    /// term is there twice (a damaged cache: two numbers for one term would make two index entries).
    init?(continuing terms: [String]) {
        var numbers: [TermKey: UInt32] = [:]
        numbers.reserveCapacity(terms.count)
        for (number, term) in terms.enumerated() {
            guard numbers.updateValue(UInt32(number), forKey: TermKey(term)) == nil else { return nil }
        }
        state = Mutex((numbers, terms))
    }

    func number(for term: String) -> UInt32 {
        state.withLock { state in
            let key = TermKey(term)
            if let number = state.numbers[key] { return number }
            let number = UInt32(state.terms.count)
            state.numbers[key] = number
            state.terms.append(term)
            return number
        }
    }

    /// The terms, by number.
    var terms: [String] {
        state.withLock { $0.terms }
    }
}

/// A term compared and hashed by its UTF-8 bytes. Swift's `String` equality takes canonically equivalent
/// spellings for one (한 as one code point or as three jamo), which would give both one number, and the
/// index whichever spelling a thread met first: a cold build would then not always write the same files.
struct TermKey: Hashable, Sendable {
    let term: String

    init(_ term: String) {
        self.term = term
    }

    static func == (a: TermKey, b: TermKey) -> Bool {
        a.term.utf8.elementsEqual(b.term.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var term = term
        term.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
