import Synchronization

/// Keeps a build's files in memory: for the preview server and for tests.
public final class MemorySink: OutputSink {
    private struct Files {
        var committed: [String: [UInt8]] = [:]
        var staged: [String: [UInt8]] = [:]
        var removed: Set<String> = []
        /// Bumped at each commit that changed something: the stamps of memory files.
        var generation = 0
    }

    private let state = Mutex(Files())

    public init() {}

    @discardableResult
    public func write(_ bytes: [UInt8], to path: String) throws(OutputError) -> FileStamp {
        try OutputPath.validate(path)
        state.withLock { $0.staged[path] = bytes }
        return FileStamp(size: bytes.count, modified: 0)
    }

    public func remove(_ path: String) throws(OutputError) {
        try OutputPath.validate(path)
        state.withLock { _ = $0.removed.insert(path) }
    }

    public func stamp(of path: String) -> FileStamp? {
        state.withLock { files in files.committed[path].map { FileStamp(size: $0.count, modified: 0) } }
    }

    public func contents(of path: String) -> [UInt8]? {
        state.withLock { $0.committed[path] }
    }

    public func commit() throws(OutputError) {
        state.withLock { files in
            for path in files.removed { files.committed[path] = nil }
            files.committed.merge(files.staged) { _, new in new }
            if !files.staged.isEmpty || !files.removed.isEmpty { files.generation += 1 }
            files.staged = [:]
            files.removed = []
        }
    }

    public func discard() {
        state.withLock { files in
            files.staged = [:]
            files.removed = []
        }
    }

    /// The committed files, by path.
    public var files: [String: [UInt8]] { state.withLock { $0.committed } }

    /// How many commits changed something: the preview server reloads browsers when it moves.
    public var generation: Int { state.withLock { $0.generation } }

    public subscript(path: String) -> String? {
        contents(of: path).map { String(decoding: $0, as: UTF8.self) }
    }
}
