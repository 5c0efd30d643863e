import Dispatch
import Foundation

extension BuildState {
    /// The build cache read on another thread while a build reads its settings, theme and content
    /// folder: `Builder.build(into:state:)` waits for it only when it needs it.
    public final class Loading: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once by the loading thread before `done` is signalled, read only after waiting.
        private var loaded: BuildState?

        public init(from file: URL) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                loaded = BuildState.load(from: file)
                done.signal()
            }
        }

        /// The state, once it is read.
        public var state: BuildState {
            done.wait()
            defer { done.signal() }  // for the next call
            return loaded!
        }

        /// The state, once it is read, given up by this object: a build that takes it can update its
        /// records in place instead of copying them. Later calls give an empty state.
        public func take() -> BuildState {
            done.wait()
            defer { done.signal() }
            defer { loaded = BuildState() }
            return loaded!
        }
    }
}
