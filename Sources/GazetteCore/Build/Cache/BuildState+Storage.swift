import Foundation

extension BuildState {
    static let magic: UInt64 = 0x4741_5A45_5454_4531  // "GAZETTE1"
    /// The manifest of written files comes first, in a layout that never changes, so that a new version
    /// of Gazette still knows which files the last build wrote and can remove the stale ones.
    static let manifestVersion: UInt64 = 1
    /// Bumped whenever the layout of the source records, or what they mean, changes: they are then ignored.
    static let sourcesVersion: UInt64 = 6

    /// Reads the state a previous build saved in `file`. A missing or damaged cache gives an empty state;
    /// one from another version of Gazette gives its manifest only.
    public static func load(from file: URL) -> BuildState {
        let stamp = FileStamp.of(file.path)
        guard let bytes = FileIO.read(file.path) else { return BuildState() }
        var reader = BinaryReader(bytes)
        var state = BuildState()
        do {
            try readManifest(&reader, into: &state)
        } catch {
            return BuildState()
        }
        let manifestOnly = state
        do {
            try readSources(&reader, into: &state)
        } catch {
            return manifestOnly
        }
        // Parts are copied from the file when saved only while it is the file read here.
        if let stamp, stamp == FileStamp.of(file.path) {
            state.storedParts?.file = stamp
        } else {
            state.storedParts = nil
        }
        return state
    }

    /// Saves the state into `file` (its folder is created when missing), replacing the old cache in one step.
    ///
    /// The source records are most of the cache. They are saved in parts by their paths' hashes: a part
    /// none of whose records changed since the state was read from `file` is copied from it by the
    /// kernel, the others are encoded, on every core, a window of parts at a time, and written as they
    /// are: the encoded records are never all held at once.
    ///
    /// - Returns: how many parts were encoded (the others were copied).
    @discardableResult
    public func save(to file: URL) throws -> Int {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var head = BinaryWriter(capacity: outputs.count * 100 + searchTerms.encoded.count)
        writeHead(&head)
        let count = Self.partCount(records: sources.count)
        head.write(count)
        let old = Self.openIfUnchanged(file, stored: storedParts)
        defer { if let old { close(old) } }
        let copied = old == nil ? [Range<Int>?](repeating: nil, count: count) : copiedParts(count: count)
        // Positions in the table, not a copy of its records: they are read where they are, on every core.
        let sources = self.sources
        let positions = Array(sources.indices)
        let partOf = parallelMap(positions.count) { Self.part(of: sources.keys[positions[$0]], count: count) }
        var members = [[Dictionary<String, SourceRecord>.Index]](repeating: [], count: count)
        for (n, part) in partOf.enumerated() where copied[part] == nil { members[part].append(positions[n]) }
        let toEncode = members
        let temporary = folder.appendingPathComponent("." + file.lastPathComponent + ".tmp")
        let fd = FileIO.create(temporary.path)
        var written = fd >= 0 && FileIO.write(head.bytes, to: fd)
        var encodedCount = 0
        // A window of parts at a time, its parts to encode on every core, then all written in order: only
        // one window's encoded bytes are held at once.
        for window in stride(from: 0, to: count, by: Self.partsPerWindow) where written {
            let parts = window..<min(count, window + Self.partsPerWindow)
            let encoding = parts.filter { copied[$0] == nil }
            var encoded = [Int: [UInt8]](minimumCapacity: encoding.count)
            for (n, part) in parallelMap(encoding.count, { n in Self.encode(toEncode[encoding[n]], of: sources) }).enumerated() {
                encoded[encoding[n]] = part.bytes
            }
            encodedCount += encoding.count
            for part in parts where written {
                var length = BinaryWriter(capacity: 8)
                if let bytes = encoded[part] {
                    length.write(bytes.count)
                    written = FileIO.write(length.bytes, to: fd) && FileIO.write(bytes, to: fd)
                } else if let range = copied[part], let old {
                    length.write(range.count)
                    written = FileIO.write(length.bytes, to: fd) && FileIO.copy(range, from: old, to: fd)
                }
            }
        }
        if fd >= 0 { close(fd) }
        guard written, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return encodedCount
    }

    /// Parts encoded and written together: enough to keep every core busy, few enough to hold.
    static let partsPerWindow = 64

    /// The cache file, opened, when it is still the one `stored` describes.
    private static func openIfUnchanged(_ file: URL, stored: StoredParts?) -> CInt? {
        guard let stored else { return nil }
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, FileStamp(info) == stored.file, info.st_size >= (stored.ranges.last?.upperBound ?? 0) else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Where each part that can be copied from the cache file lies in it (none of its records changed
    /// since it was read), by part; nil for the parts to encode.
    private func copiedParts(count: Int) -> [Range<Int>?] {
        var parts = [Range<Int>?](repeating: nil, count: count)
        guard let stored = storedParts, stored.ranges.count == count else { return parts }
        var clean = [Bool](repeating: true, count: count)
        for path in changedSources { clean[Self.part(of: path, count: count)] = false }
        for part in 0..<count where clean[part] { parts[part] = stored.ranges[part] }
        return parts
    }

    /// Parts of about `recordsPerPart` records, a power of two of them, so that most records stay in
    /// their part as the archive grows.
    static func partCount(records: Int) -> Int {
        var count = 1
        while count * recordsPerPart < records { count *= 2 }
        return count
    }

    static func part(of path: String, count: Int) -> Int {
        var hash = StableHash()
        hash.combine(path)
        return Int(hash.value % UInt64(count))
    }

    /// Everything before the source records' parts.
    private func writeHead(_ w: inout BinaryWriter) {
        w.write(Self.magic)
        w.write(Self.manifestVersion)
        w.write(outputRoot)
        w.write(outputs.count)
        for (path, record) in outputs {
            w.write(path)
            w.write(record.hash)
            w.write(record.stamp)
            w.write(record.fingerprint)
        }
        w.write(Self.sourcesVersion)
        w.write(parseKey)
        w.write(inputsKey)
        w.write(searchKey)
        w.write(searchTerms)
        w.write(related)
    }

    /// Small parts: an edit encodes its article's part again, not a large share of the archive.
    static let recordsPerPart = 64

    private static func encode(_ positions: [Dictionary<String, SourceRecord>.Index], of sources: [String: SourceRecord]) -> BinaryWriter {
        var w = BinaryWriter(capacity: positions.count * 1500)
        w.write(positions.count)
        for position in positions {
            // One copy of the record: each `sources[position]` makes a whole copy of it.
            let (path, record) = sources[position]
            w.write(path, record)
        }
        return w
    }

    private static func decode(_ r: BinaryReader) throws(BinaryReader.Corrupt) -> [(String, SourceRecord)] {
        var r = r
        var records: [(String, SourceRecord)] = []
        let count = try r.count()
        records.reserveCapacity(count)
        for _ in 0..<count {
            let path = try r.string()
            let stamp = try r.stamp()
            let article = try r.article()
            let searchBody = try r.searchBody()
            var warnings: [Diagnostic] = []
            for _ in 0..<(try r.count()) { warnings.append(try r.diagnostic()) }
            records.append((path, SourceRecord(stamp: stamp, article: article, warnings: warnings, searchBody: searchBody)))
        }
        guard r.atEnd else { throw BinaryReader.Corrupt() }
        return records
    }

    private static func readManifest(_ r: inout BinaryReader, into state: inout BuildState) throws(BinaryReader.Corrupt) {
        guard try r.uint64() == magic, try r.uint64() == manifestVersion else { throw BinaryReader.Corrupt() }
        state.outputRoot = try r.string()
        let outputCount = try r.count()
        state.outputs.reserveCapacity(outputCount)
        for _ in 0..<outputCount {
            let path = try r.string()
            state.outputs[path] = OutputRecord(hash: try r.uint64(), stamp: try r.stamp(), fingerprint: try r.uint64())
        }
    }

    private static func readSources(_ r: inout BinaryReader, into state: inout BuildState) throws(BinaryReader.Corrupt) {
        guard try r.uint64() == sourcesVersion else { throw BinaryReader.Corrupt() }
        state.parseKey = try r.uint64()
        state.inputsKey = try r.uint64()
        state.searchKey = try r.uint64()
        state.searchTerms = try r.searchTerms()
        state.related = try r.related()
        var readers: [BinaryReader] = []
        for _ in 0..<(try r.count()) { readers.append(try r.part()) }
        let parts = readers
        guard r.atEnd else { throw BinaryReader.Corrupt() }
        var decoded = parallelMap(parts.count) { n -> [(String, SourceRecord)]? in try? decode(parts[n]) }
        // Each record is in the part its path's hash names (`save`), which lets an unchanged part be copied.
        state.storedParts = StoredParts(file: FileStamp(size: 0, modified: 0), ranges: parts.map { $0.position..<($0.position + $0.remaining) })
        state._sources.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        // Moved out of the decoded parts where they lie, not copied: a copy of a record retains each of its strings.
        for n in decoded.indices {
            guard decoded[n] != nil else { throw BinaryReader.Corrupt() }
            while let (path, record) = decoded[n]!.popLast() { state._sources[path] = record }
        }
    }
}

extension BinaryWriter {
    /// A source record as the cache's parts hold it.
    mutating func write(_ path: String, _ record: SourceRecord) {
        write(path)
        write(record.stamp)
        write(record.article)
        write(record.searchBody)
        write(record.warnings.count)
        for warning in record.warnings { write(warning) }
    }

    mutating func write(_ related: RelatedArticles.Memo?) {
        guard let related else { return write(false) }
        write(true)
        write(related.key)
        write(related.lists.count)
        for list in related.lists {
            write(list.count)
            for article in list { write(article) }
        }
    }

    mutating func write(_ stamp: FileStamp) {
        write(stamp.size)
        write(stamp.modified)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.file)
        write(diagnostic.line)
        write(diagnostic.column)
        write(diagnostic.severity == .error)
        write(diagnostic.message)
    }
}

extension BinaryReader {
    mutating func related() throws(Corrupt) -> RelatedArticles.Memo? {
        guard try bool() else { return nil }
        let key = try uint64()
        let listCount = try count()
        var lists: [[Int]] = []
        lists.reserveCapacity(listCount)
        for _ in 0..<listCount {
            var list: [Int] = []
            for _ in 0..<(try count()) { list.append(try int()) }
            lists.append(list)
        }
        return RelatedArticles.Memo(key: key, lists: lists)
    }

    mutating func stamp() throws(Corrupt) -> FileStamp {
        FileStamp(size: try int(), modified: try int())
    }

    mutating func diagnostic() throws(Corrupt) -> Diagnostic {
        Diagnostic(file: try string(), line: try int(), column: try int(), severity: try bool() ? .error : .warning,
                   message: try string())
    }
}
