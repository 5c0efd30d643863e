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

    /// The build writes its search index in a background job while it writes the feeds: the job runs
    /// while the caller goes on, gives its result once waited for, and hands its error to the caller.
    @Test func aBackgroundJobRunsMeanwhileAndRethrows() {
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let job = BackgroundJob { () throws(OutputError) -> Int in
            started.signal()
            proceed.wait()  // finishes only once the caller has gone on
            return 42
        }
        started.wait()
        proceed.signal()
        #expect((try? job.wait()) == 42)

        let failing = BackgroundJob { () throws(OutputError) -> Int in throw OutputError(path: "feed.xml", message: "cannot write") }
        do throws(OutputError) {
            _ = try failing.wait()
            Issue.record("the job's error was not rethrown")
        } catch {
            #expect(error.path == "feed.xml")
        }
    }
}
