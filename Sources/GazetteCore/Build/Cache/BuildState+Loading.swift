import Dispatch
import Foundation
import Synchronization

extension BuildState {
    /// The build cache read on another thread while a build reads its settings, theme and content
    /// folder: `Builder.build(into:loading:clean:)` waits for it only when it needs it. The cache file
    /// itself is read first (`head`), then the records in its parts, one part after another on that thread
    /// while the build lists the content folder on its own (one core each), and on the build's thread too
    /// once it needs them; the reading ends early when the build found that nothing changed (`stop`).
    ///
    /// Given the build's output folder, that thread first looks at the files the cache's manifest lists
    /// there (`OutputSurvey`), which the build needs whether or not anything changed, until the build asks
    /// for the records, which it needs only when something did: it then reads them beside the build, and
    /// looks at the files left while the build goes on with them.
    public final class Loading: @unchecked Sendable {
        private let file: URL
        private let headRead = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private let stopped = Atomic<Bool>(false)
        /// Set once the build waits for the records: this thread then leaves the survey for them.
        private let recordsWanted = Atomic<Bool>(false)
        /// Written once by the loading thread before `headRead` is signalled, read only after waiting.
        private var headState = BuildState()
        private var parts: PartDecoder?
        /// Written once by the loading thread before `headRead` is signalled.
        private var survey: OutputSurvey?
        /// Set when the cache file had to be read again and its manifest is no longer the one surveyed.
        private let surveyDropped = Atomic<Bool>(false)
        /// Written once by the loading thread before `done` is signalled, read only after waiting; nil when
        /// the loading stopped short of the records.
        private var loaded: BuildState?
        private var taken = false

        /// - Parameter output: the sink the build writes to, whose files the manifest lists when the cache
        ///   is of a build into the same folder.
        public init(from file: URL, output: DiskSink? = nil) {
            self.file = file
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                let head = BuildState.readHead(from: file)
                headState = head.state
                if let output, head.state.outputRoot == output.root.path, !head.state.outputs.isEmpty {
                    survey = OutputSurvey(sink: output, manifest: head.state.outputs)
                }
                guard let listed = head.parts else {
                    headRead.signal()
                    loaded = head.state
                    done.signal()
                    survey?.work()
                    return
                }
                let decoder = PartDecoder(listed.names, in: BuildState.partsFolder(of: file), stop: { [self] in isStopped })
                parts = decoder
                headRead.signal()
                survey?.work(until: { [self] in recordsWanted.load(ordering: .relaxed) })
                decoder.work()
                let decoded = decoder.all()
                loaded = isStopped && decoded.contains { $0 == nil } ? nil : BuildState.withParts(listed, consume decoded, into: head.state, from: file)
                done.signal()
                // The files left, while the build goes on with the records.
                survey?.work()
            }
        }

        /// The state without its records, once the cache file is read: enough for a build to tell that
        /// nothing changed (`BuildState.unchanged`).
        public var head: BuildState {
            headRead.wait()
            defer { headRead.signal() }  // for the next call
            return headState
        }

        /// The look at the last build's files in `sink`, once the cache file is read; nil when it was given
        /// another sink or none, when the cache is of a build into another folder, or when the cache had to
        /// be read again and lists other files.
        func outputSurvey(of sink: some OutputSink) -> OutputSurvey? {
            headRead.wait()
            defer { headRead.signal() }
            guard let survey, !surveyDropped.load(ordering: .acquiring), survey.sink === sink else { return nil }
            return survey
        }

        private var isStopped: Bool { stopped.load(ordering: .relaxed) }

        /// Tells the loading thread that the records will not be needed: it stops reading them. A later
        /// `take` reads the whole cache again.
        public func stop() {
            stopped.store(true, ordering: .relaxed)
        }

        /// The state, once it is read.
        public var state: BuildState {
            help()
            done.wait()
            defer { done.signal() }  // for the next call
            return whole()
        }

        /// The state, once it is read, given up by this object: a build that takes it can update its
        /// records in place instead of copying them. Later calls give an empty state.
        public func take() -> BuildState {
            help()
            done.wait()
            defer { done.signal() }
            defer { (loaded, taken) = (BuildState(), true) }
            return whole()
        }

        /// Decodes the parts left on this thread too, now that they are waited for; the loading thread leaves
        /// its look at the output files for them, and finishes it after.
        private func help() {
            headRead.wait()
            headRead.signal()
            recordsWanted.store(true, ordering: .relaxed)
            parts?.work()
        }

        /// What was loaded, or the whole cache read again when the loading stopped short of the records.
        private func whole() -> BuildState {
            if taken { return BuildState() }
            if loaded == nil {
                loaded = BuildState.load(from: file)
                // Read again: another build may have replaced the file since its manifest was surveyed.
                if loaded!.outputs != headState.outputs { surveyDropped.store(true, ordering: .releasing) }
            }
            return loaded!
        }
    }
}

/// The parts of a cache, decoded by every thread that asks (`work`), each part by one of them.
final class PartDecoder: @unchecked Sendable {
    private let names: [StoredParts.Name]
    private let folder: String
    private let stop: @Sendable () -> Bool
    private let next = Atomic<Int>(0)
    /// Entered before a part is claimed and left once it is stored: `all` waits for the last.
    private let group = DispatchGroup()
    /// Each written by the thread that claimed its part, read after `group` is done.
    private let decoded: UnsafeMutableBufferPointer<[(String, SourceRecord)]?>

    init(_ names: [StoredParts.Name], in folder: String, stop: @escaping @Sendable () -> Bool) {
        self.names = names
        self.folder = folder
        self.stop = stop
        decoded = .allocate(capacity: names.count)
        decoded.initialize(repeating: nil)
    }

    deinit {
        decoded.deinitialize()
        decoded.deallocate()
    }

    /// Decodes parts until none is left to claim (or the loading stopped: the rest are left nil).
    func work() {
        while true {
            group.enter()
            // Acquiring and releasing: the claim orders this thread's `enter` before the claim that finds
            // nothing left, whose thread then waits for the group.
            let n = next.add(1, ordering: .acquiringAndReleasing).oldValue
            guard n < names.count else { return group.leave() }
            if !stop() { decoded[n] = BuildState.decodePart(names[n], in: folder) }
            group.leave()
        }
    }

    /// Every part, once the last one claimed is decoded (nil for those missing or damaged, or left when
    /// the loading stopped).
    func all() -> [[(String, SourceRecord)]?] {
        group.wait()
        // Moved out, each slot left empty: records held twice would be copied, every string retained, when
        // they are moved into the table.
        return decoded.indices.map { n in
            defer { decoded[n] = nil }
            return decoded[n]
        }
    }
}
