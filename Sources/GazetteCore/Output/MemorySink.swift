import Synchronization

/// Keeps a build's files in memory: for the preview server and for tests.
public final class MemorySink: OutputSink {
    private let staged = Mutex<[String: [UInt8]]>([:])
    private let committed = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try OutputPath.validate(path)
        staged.withLock { $0[path] = bytes }
    }

    public func commit() throws(OutputError) {
        let files = staged.withLock { files in
            defer { files = [:] }
            return files
        }
        committed.withLock { $0 = files }
    }

    public func discard() {
        staged.withLock { $0 = [:] }
    }

    /// The committed files, by path.
    public var files: [String: [UInt8]] { committed.withLock { $0 } }

    public subscript(path: String) -> String? {
        committed.withLock { $0[path] }.map { String(decoding: $0, as: UTF8.self) }
    }
}
