import Dispatch
import Foundation
import Synchronization

extension BuildState {
    /// The build cache read on another thread while a build reads its settings, theme and content
    /// folder: `Builder.build(into:loading:clean:)` waits for it only when it needs it. The cache file
    /// itself is read first (`head`), then the records in its parts, unless the build found before then
    /// that nothing changed and said so (`stop`).
    public final class Loading: @unchecked Sendable {
        private let file: URL
        private let headRead = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private let stopped = Atomic<Bool>(false)
        /// Written once by the loading thread before `headRead` is signalled, read only after waiting.
        private var headState = BuildState()
        /// Written once by the loading thread before `done` is signalled, read only after waiting; nil when
        /// the loading stopped short of the records.
        private var loaded: BuildState?
        private var taken = false

        public init(from file: URL) {
            self.file = file
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                let head = BuildState.readHead(from: file)
                headState = head.state
                headRead.signal()
                if let parts = head.parts {
                    loaded = BuildState.readParts(parts, into: head.state, from: file, stop: { [self] in isStopped })
                } else {
                    loaded = head.state
                }
                done.signal()
            }
        }

        /// The state without its records, once the cache file is read: enough for a build to tell that
        /// nothing changed (`BuildState.unchanged`).
        public var head: BuildState {
            headRead.wait()
            defer { headRead.signal() }  // for the next call
            return headState
        }

        private var isStopped: Bool { stopped.load(ordering: .relaxed) }

        /// Tells the loading thread that the records will not be needed: it stops reading them. A later
        /// `take` reads the whole cache again.
        public func stop() {
            stopped.store(true, ordering: .relaxed)
        }

        /// The state, once it is read.
        public var state: BuildState {
            done.wait()
            defer { done.signal() }  // for the next call
            return whole()
        }

        /// The state, once it is read, given up by this object: a build that takes it can update its
        /// records in place instead of copying them. Later calls give an empty state.
        public func take() -> BuildState {
            done.wait()
            defer { done.signal() }
            defer { (loaded, taken) = (BuildState(), true) }
            return whole()
        }

        /// What was loaded, or the whole cache read again when the loading stopped short of the records.
        private func whole() -> BuildState {
            if taken { return BuildState() }
            if loaded == nil { loaded = BuildState.load(from: file) }
            return loaded!
        }
    }
}
