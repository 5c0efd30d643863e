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
}
