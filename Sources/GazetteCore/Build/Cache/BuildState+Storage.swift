import Foundation

extension BuildState {
    static let magic: UInt64 = 0x4741_5A45_5454_4531  // "GAZETTE1"
    /// The manifest of written files comes first, in a layout that never changes, so that a new version
    /// of Gazette still knows which files the last build wrote and can remove the stale ones.
    static let manifestVersion: UInt64 = 1
    /// Bumped whenever the layout of the source records, or what they mean, changes: they are then ignored.
    static let sourcesVersion: UInt64 = 5

    /// Reads the state a previous build saved in `file`. A missing or damaged cache gives an empty state;
    /// one from another version of Gazette gives its manifest only.
    public static func load(from file: URL) -> BuildState {
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
        return state
    }

    /// Saves the state into `file` (its folder is created when missing), replacing the old cache in one step.
    public func save(to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var head = BinaryWriter(capacity: outputs.count * 100 + searchTerms.encoded.count)
        writeHead(&head)
        // In parts, encoded and decoded on every core: the records are most of the cache. Written one
        // after the other, not joined first: a second copy of them would raise the build's peak memory.
        // Positions in the table, not a copy of its records: they are read where they are, on every core.
        let sources = self.sources
        let positions = Array(sources.indices)
        let ranges = Self.parts(of: positions.count)
        head.write(ranges.count)
        var chunks = [head.bytes]
        for part in parallelMap(ranges.count, { n in Self.encode(positions[ranges[n]], of: sources) }) {
            var length = BinaryWriter(capacity: 8)
            length.write(part.bytes.count)
            chunks += [length.bytes, part.bytes]
        }
        let temporary = folder.appendingPathComponent("." + file.lastPathComponent + ".tmp")
        guard FileIO.write(chunks, to: temporary.path) != nil, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
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

    /// Ranges of about `recordsPerPart` records, at least one.
    private static func parts(of count: Int) -> [Range<Int>] {
        stride(from: 0, to: max(count, 1), by: recordsPerPart).map { $0..<min(count, $0 + recordsPerPart) }
    }

    static let recordsPerPart = 512

    private static func encode(_ positions: ArraySlice<Dictionary<String, SourceRecord>.Index>, of sources: [String: SourceRecord]) -> BinaryWriter {
        var w = BinaryWriter(capacity: positions.count * 1500)
        w.write(positions.count)
        for position in positions {
            // One copy of the record: each `sources[position]` makes a whole copy of it.
            let (path, record) = sources[position]
            w.write(path)
            w.write(record.stamp)
            w.write(record.article)
            w.write(record.searchBody)
            w.write(record.warnings.count)
            for warning in record.warnings { w.write(warning) }
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
        state.sources.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        // Moved out of the decoded parts, not copied: a copy of a record retains each of its strings.
        while let last = decoded.popLast() {
            guard var part = last else { throw BinaryReader.Corrupt() }
            while let (path, record) = part.popLast() { state.sources[path] = record }
        }
    }
}

extension BinaryWriter {
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
