import Testing
@testable import GazetteCore

/// `repeats(in:hash:)` finds what a dictionary of first owners finds, whatever the hash does.
@Suite struct RepeatsTests {
    /// Item after item, through a dictionary: the behaviour the clash checks had, and keep.
    func firstOwners(_ items: [String]) -> [(position: Int, first: Int)] {
        var owners: [String: Int] = [:]
        var found: [(position: Int, first: Int)] = []
        for (position, item) in items.enumerated() {
            if let first = owners[item] { found.append((position, first)) } else { owners[item] = position }
        }
        return found
    }

    @Test(arguments: ["stable", "colliding", "two values"])
    func sameAsADictionaryOfFirstOwners(hashing: String) {
        var generator = SystemRandomNumberGenerator()
        let hash: @Sendable (String) -> UInt64 = switch hashing {
        case "stable": { var hash = StableHash(); hash.combine($0); return hash.value }
        case "colliding": { _ in 42 }  // every item compared with every other
        default: { UInt64($0.utf8.count % 2) }
        }
        for size in [0, 1, 2, 7, 300, 5_000] {
            // Few distinct values, so that some repeat three times and more.
            let items = (0..<size).map { _ in "page/\(Int.random(in: 0...max(1, size / 3), using: &generator))/index.html" }
            let found = repeats(in: items, hash: hash)
            let expected = firstOwners(items)
            #expect(found.map(\.position) == expected.map(\.position), "size \(size)")
            #expect(found.map(\.first) == expected.map(\.first), "size \(size)")
        }
    }
}
