import Synchronization

/// Every term of the archive, numbered in the order first seen, shared by the threads that index.
///
/// Each analyzer remembers the numbers of the words it has met, so this lock is taken only the first
/// time a thread meets a word, not once per word.
final class TermDictionary: Sendable {
    private let state: Mutex<(numbers: [String: UInt32], terms: [String])>

    init() {
        state = Mutex(([:], []))
    }

    /// Starts from `terms` with their numbers, so that the numbers cached bodies use stay valid; nil when a
    /// term is there twice (a damaged cache: two numbers for one term would make two index entries).
    init?(continuing terms: [String]) {
        var numbers: [String: UInt32] = [:]
        numbers.reserveCapacity(terms.count)
        for (number, term) in terms.enumerated() {
            guard numbers.updateValue(UInt32(number), forKey: term) == nil else { return nil }
        }
        state = Mutex((numbers, terms))
    }

    func number(for term: String) -> UInt32 {
        state.withLock { state in
            if let number = state.numbers[term] { return number }
            let number = UInt32(state.terms.count)
            state.numbers[term] = number
            state.terms.append(term)
            return number
        }
    }

    /// The terms, by number.
    var terms: [String] {
        state.withLock { $0.terms }
    }
}
