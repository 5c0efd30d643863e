import Synchronization

/// Sits between a build and its sink: skips writing a file whose bytes did not change, keeps the records
/// of pages that were not rendered again, and builds the manifest of everything the build produced.
final class OutputRecorder: Sendable {
    let sink: any OutputSink
    /// The last build's manifest.
    let previous: [String: OutputRecord]
    /// Every path this build wrote or kept, with its record: a second write to one is an error, not a
    /// silent overwrite. A file being written has `claimed` until it is.
    private let records = Mutex<[String: OutputRecord]>([:])
    private static let claimed = OutputRecord(hash: 0, stamp: FileStamp(size: -1, modified: 0), fingerprint: 0)
    /// How many files this build wrote.
    private let writtenFiles = Atomic<Int>(0)
    /// How many of the last build's paths this build has recorded: when that is all of them, nothing
    /// is stale, and the commit need not look each one up.
    private let carried = Atomic<Int>(0)

    /// False for `--clean`: every file is written anew even when the same bytes are there.
    let keepsIdenticalFiles: Bool
    /// The paths of `previous` whose files are gone or changed, when they were looked at already
    /// (`OutputSurvey`); nil to look at each file as it comes.
    let changedOnDisk: Set<String>?

    init(sink: any OutputSink, previous: [String: OutputRecord], keepsIdenticalFiles: Bool = true, changedOnDisk: Set<String>? = nil) {
        self.sink = sink
        self.previous = previous
        self.keepsIdenticalFiles = keepsIdenticalFiles
        self.changedOnDisk = changedOnDisk
        records.withLock { $0.reserveCapacity(previous.count) }
    }

    /// True when the file a previous build wrote for `path`, from inputs with this `fingerprint`,
    /// is still there as it was written: then it need not be rendered again, and it is kept.
    func keepIfCurrent(_ path: String, fingerprint: UInt64) -> Bool {
        guard isUnchanged(path, fingerprint: fingerprint) else { return false }
        keep(path)
        return true
    }

    /// `keepIfCurrent` for many files: checked on every core, then kept under one lock, not one each.
    func keepIfCurrent(_ files: [(path: String, fingerprint: UInt64)]) -> [Bool] {
        // The records found by the check, so that the serial part looks each path up once, not twice.
        let current = parallelMap(files.count) { unchangedRecord(files[$0].path, fingerprint: files[$0].fingerprint) }
        records.withLock { records in
            for (file, record) in zip(files, current) where record != nil {
                if records.updateValue(record!, forKey: file.path) == nil { carried.add(1, ordering: .relaxed) }
            }
        }
        return current.map { $0 != nil }
    }

    /// The check of `keepIfCurrent`, keeping nothing.
    func isUnchanged(_ path: String, fingerprint: UInt64) -> Bool {
        unchangedRecord(path, fingerprint: fingerprint) != nil
    }

    /// The last build's record of `path` when its file is current.
    private func unchangedRecord(_ path: String, fingerprint: UInt64) -> OutputRecord? {
        guard let record = previous[path], record.fingerprint == fingerprint, stampNow(of: path, recorded: record) == record.stamp else { return nil }
        return record
    }

    /// The stamp the file at `path` has now, of which the last build left `record`.
    private func stampNow(of path: String, recorded record: OutputRecord) -> FileStamp? {
        if let changedOnDisk, changedOnDisk.isEmpty || !changedOnDisk.contains(path) { return record.stamp }
        return sink.stamp(of: path)
    }

    /// Keeps the last build's file at `path` as it is.
    func keep(_ path: String) {
        guard let record = previous[path] else { return }
        records.withLock { records in
            if records.updateValue(record, forKey: path) == nil { carried.add(1, ordering: .relaxed) }
        }
    }

    /// Writes `bytes` to `path` unless the file there already holds them.
    func write(_ bytes: [UInt8], to path: String, fingerprint: UInt64 = 0) throws(OutputError) {
        let hash = StableHash.of(bytes)
        let taken = records.withLock { records in
            guard records[path] == nil else { return true }
            records[path] = Self.claimed
            return false
        }
        guard !taken else { throw OutputError(path: path, message: "two outputs of this build would be written to one file") }
        let last = previous[path]
        if last != nil { carried.add(1, ordering: .relaxed) }
        // `--clean` neither reuses the last build's files nor compares with them: no need to look.
        let stamp = last.map { stampNow(of: path, recorded: $0) } ?? (keepsIdenticalFiles ? sink.stamp(of: path) : nil)
        if let record = last, let stamp, stamp == record.stamp, record.hash == hash {
            // The file is as the last build left it, and its hash says the bytes are the same.
            records.withLock { $0[path] = OutputRecord(hash: hash, stamp: stamp, fingerprint: fingerprint) }
            return
        }
        if keepsIdenticalFiles, let stamp, stamp.size == bytes.count, sink.contents(of: path) == bytes {
            // The same bytes, from a build whose cache is gone, a file touched since, or a manifest whose
            // hashes an older Gazette computed another way: keep the file and its time.
            records.withLock { $0[path] = OutputRecord(hash: hash, stamp: stamp, fingerprint: fingerprint) }
            return
        }
        let written = try sink.write(bytes, to: path)
        records.withLock { $0[path] = OutputRecord(hash: hash, stamp: written, fingerprint: fingerprint) }
        writtenFiles.add(1, ordering: .relaxed)
    }

    var writtenCount: Int { writtenFiles.load(ordering: .relaxed) }

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
        // A stale file replaced by someone since the last build is theirs now: it is left alone.
        let everyPathCarried = scope == nil && carried.load(ordering: .relaxed) == previous.count
        let stale = everyPathCarried ? [] : previous.keys.filter { current[$0] == nil && sink.stamp(of: $0) == previous[$0]?.stamp }
        for path in stale { try sink.remove(path) }
        try sink.commit()
        return (current, stale.count)
    }
}
