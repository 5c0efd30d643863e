import Foundation
import Synchronization
import Testing
@testable import GazetteCore

@Suite struct ParallelTests {
    @Test func parallelMapKeepsTheOrderAndRunsEveryItemOnce() {
        let calls = Atomic<Int>(0)
        let squares = parallelMap(1_000) { i in
            calls.add(1, ordering: .relaxed)
            return i * i
        }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(calls.load(ordering: .relaxed) == 1_000)
    }

    /// Results are handed over whole: each object is referenced by its slot in the array alone, and
    /// freed once, when the array goes.
    @Test func parallelMapHandsOverResultsWithoutCopies() {
        let freed = Freed()
        var objects: [Tracked]? = parallelMap(5_000) { Tracked($0, freed) }
        #expect(objects!.indices.allSatisfy { objects![$0].number == $0 })
        #expect(objects!.indices.allSatisfy { isKnownUniquelyReferenced(&objects![$0]) })
        #expect(freed.count.load(ordering: .relaxed) == 0)
        objects = nil
        #expect(freed.count.load(ordering: .relaxed) == 5_000)
    }

    final class Freed: Sendable {
        let count = Atomic<Int>(0)
    }

    final class Tracked: Sendable {
        let number: Int
        let freed: Freed
        init(_ number: Int, _ freed: Freed) {
            self.number = number
            self.freed = freed
        }
        deinit { freed.count.add(1, ordering: .relaxed) }
    }
}
