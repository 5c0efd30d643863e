import Dispatch
import Foundation

/// Runs `body` over `0..<count` on every core and returns the results in order.
///
/// Work is handed out in chunks so that small items do not pay for a dispatch each. Each result is
/// put straight into the returned array's storage: no second pass copies them there (for values
/// holding many references, each copy would retain every one).
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let chunk = max(1, min(64, count / (cores * 8)))
    let chunks = (count + chunk - 1) / chunk
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let slots = Slots(buffer)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                slots.initialize(i, to: body(i))
            }
        }
        initialized = count
    }
}

let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// Runs `body` for each item on every core; the first error any of them threw is rethrown.
func eachInParallel<E: Error>(_ items: [Int], _ body: @Sendable (Int) throws(E) -> Void) throws(E) {
    let errors = parallelMap(items.count) { n -> E? in
        do throws(E) {
            try body(items[n])
            return nil
        } catch {
            return error
        }
    }
    if let error = errors.lazy.compactMap({ $0 }).first { throw error }
}

/// An array's storage that several threads initialize, each its own positions, before the array is
/// used (`parallelMap`, and the search index's postings).
struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>

    init(_ buffer: UnsafeMutableBufferPointer<T>) {
        self.buffer = buffer
    }

    func initialize(_ position: Int, to value: T) {
        (buffer.baseAddress! + position).initialize(to: value)
    }
}
