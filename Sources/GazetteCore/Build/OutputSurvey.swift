import Dispatch
import Synchronization

/// Which of the last build's files are no longer as it left them (gone, or another size or time), found
/// by every thread that asks (`work`), a chunk of files by each.
///
/// The cache's thread (`BuildState.Loading`) starts it as soon as the manifest is read, while the build
/// lists its content folder; the build joins in once it needs the answer. A rebuild then does not look
/// at each file again as it decides what to keep, and with nothing changed that look, done beside the
/// listing instead of after it, is most of the build.
///
/// The answer describes the files as they were when looked at, a little earlier than the build would
/// have looked at them itself (a file changed by hand in between is found by the next build, whose
/// manifest still has its old stamp); the build's own writes do not touch them before it commits.
final class OutputSurvey: @unchecked Sendable {
    let sink: any OutputSink
    private let records: [(path: String, stamp: FileStamp)]
    private let chunkCount: Int
    private let next = Atomic<Int>(0)
    /// Entered before a chunk is claimed and left once its result is stored: `changed` waits for the last.
    private let group = DispatchGroup()
    /// By chunk, the paths found changed; each written by the thread that claimed the chunk, read after
    /// `group` is done.
    private let found: UnsafeMutableBufferPointer<[String]>
    private let answer = Mutex<Set<String>?>(nil)

    /// Stats of one chunk: enough to be worth claiming, few enough that two threads end together.
    private static let chunkSize = 256

    init(sink: any OutputSink, manifest: [String: OutputRecord]) {
        self.sink = sink
        records = manifest.map { ($0.key, $0.value.stamp) }
        chunkCount = (records.count + Self.chunkSize - 1) / Self.chunkSize
        found = .allocate(capacity: chunkCount)
        found.initialize(repeating: [])
    }

    deinit {
        found.deinitialize()
        found.deallocate()
    }

    /// How many files it looks at: those of the manifest it was made from.
    var count: Int { records.count }

    /// `changed`, when the survey is of `manifest` (made from a manifest of as many files); nil otherwise.
    func changed(of manifest: [String: OutputRecord]) -> Set<String>? {
        count == manifest.count ? changed : nil
    }

    /// Looks at chunks of files until none is left to claim, or until `stop` says so before a chunk.
    func work(until stop: () -> Bool = { false }) {
        while !stop() {
            group.enter()
            // Acquiring and releasing: the claim orders this thread's `enter` before the claim that finds
            // nothing left, whose thread then waits for the group.
            let n = next.add(1, ordering: .acquiringAndReleasing).oldValue
            guard n < chunkCount else { return group.leave() }
            var changed: [String] = []
            for k in n * Self.chunkSize..<min(records.count, (n + 1) * Self.chunkSize)
            where sink.stamp(of: records[k].path) != records[k].stamp {
                changed.append(records[k].path)
            }
            found[n] = changed
            group.leave()
        }
    }

    /// The paths whose files are gone or changed, once every file is looked at (on this thread too).
    var changed: Set<String> {
        work()
        group.wait()
        return answer.withLock { answer in
            if let answer { return answer }
            let paths = Set(found.joined())
            answer = paths
            return paths
        }
    }
}
