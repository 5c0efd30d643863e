import Synchronization

/// Sits between a build and its sink: skips writing a file whose bytes did not change, keeps the records
/// of pages that were not rendered again, and builds the manifest of everything the build produced.
final class OutputRecorder: Sendable {
    let sink: any OutputSink
    /// The last build's manifest.
    let previous: [String: OutputRecord]
    private let records = Mutex<[String: OutputRecord]>([:])
    /// Written this build: their stamps are known only after the commit.
    private let written = Mutex<[String]>([])

    /// False for `--clean`: every file is written anew even when the same bytes are there.
    let keepsIdenticalFiles: Bool

    init(sink: any OutputSink, previous: [String: OutputRecord], keepsIdenticalFiles: Bool = true) {
        self.sink = sink
        self.previous = previous
        self.keepsIdenticalFiles = keepsIdenticalFiles
    }

    /// True when the file a previous build wrote for `path`, from inputs with this `fingerprint`,
    /// is still there as it was written: then it need not be rendered again.
    func isCurrent(_ path: String, fingerprint: UInt64) -> Bool {
        guard let record = previous[path], record.fingerprint == fingerprint, sink.stamp(of: path) == record.stamp else {
            return false
        }
        records.withLock { $0[path] = record }
        return true
    }

    /// Writes `bytes` to `path` unless the file there already holds them.
    func write(_ bytes: [UInt8], to path: String, fingerprint: UInt64 = 0) throws(OutputError) {
        let hash = StableHash.of(bytes)
        if let record = previous[path], record.hash == hash, let stamp = sink.stamp(of: path), stamp == record.stamp {
            records.withLock { $0[path] = OutputRecord(hash: hash, stamp: stamp, fingerprint: fingerprint) }
            return
        }
        if keepsIdenticalFiles, let stamp = sink.stamp(of: path), stamp.size == bytes.count, sink.contents(of: path) == bytes {
            // The same bytes, from a build whose cache is gone or a file touched since: keep it and its time.
            records.withLock { $0[path] = OutputRecord(hash: hash, stamp: stamp, fingerprint: fingerprint) }
            return
        }
        try sink.write(bytes, to: path)
        records.withLock { $0[path] = OutputRecord(hash: hash, stamp: FileStamp(size: bytes.count, modified: 0), fingerprint: fingerprint) }
        written.withLock { $0.append(path) }
    }

    var writtenCount: Int { written.withLock { $0.count } }

    /// Removes what the last build wrote and this one did not, commits the sink, and returns the new manifest.
    ///
    /// - Parameters:
    ///   - scope: the paths this commit is about; the last build's files outside it are neither stale nor
    ///     rewritten, and stay in the manifest as they were (a build that writes its search index later).
    func commit(scope: (@Sendable (String) -> Bool)? = nil) throws(OutputError) -> (manifest: [String: OutputRecord], removed: Int) {
        var current = records.withLock { $0 }
        if let scope {
            for (path, record) in previous where !scope(path) && current[path] == nil { current[path] = record }
        }
        let stale = previous.keys.filter { current[$0] == nil }
        for path in stale { try sink.remove(path) }
        try sink.commit()
        var manifest = current
        let paths = written.withLock { $0 }
        let stamps = parallelMap(paths.count) { sink.stamp(of: paths[$0]) }
        for (path, stamp) in zip(paths, stamps) {
            if let stamp { manifest[path]?.stamp = stamp }
        }
        return (manifest, stale.count)
    }
}
