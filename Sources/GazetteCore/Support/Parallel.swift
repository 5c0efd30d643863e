import Dispatch
import Foundation

/// Runs `body` over `0..<count` on every core and returns the results in order.
///
/// Work is handed out in chunks so that small items do not pay for a dispatch each.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = ResultSlots<T>(count: count)
    let chunk = max(1, min(64, count / (cores * 8)))
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        for i in (c * chunk)..<min(count, (c + 1) * chunk) {
            slots.set(i, body(i))
        }
    }
    return slots.values()
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

/// Slots each written by exactly one task, read after all of them finished.
private final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) {
        storage[index] = value
    }

    func values() -> [T] {
        storage.map { $0! }
    }
}
