import Foundation

extension BuildState {
    static let magic: UInt64 = 0x4741_5A45_5454_4531  // "GAZETTE1"
    /// The manifest of written files comes first, in a layout that never changes, so that a new version
    /// of Gazette still knows which files the last build wrote and can remove the stale ones.
    static let manifestVersion: UInt64 = 1
    /// Bumped whenever the layout of the source records, or what they mean, changes: they are then ignored.
    static let sourcesVersion: UInt64 = 12

    /// Reads the state a previous build saved in `file`. A missing or damaged cache gives an empty state;
    /// one from another version of Gazette gives its manifest only.
    public static func load(from file: URL) -> BuildState {
        let head = readHead(from: file)
        guard let parts = head.parts else { return head.state }
        let folder = partsFolder(of: file)
        let decoded = parallelMap(parts.names.count) { decodePart(parts.names[$0], in: folder) }
        return withParts(parts, consume decoded, into: head.state, from: file)
    }

    /// The cache file without the records in its parts: the manifest and everything else it holds, and the
    /// parts it lists (nil when the file is missing, damaged or from another version: then `state` is
    /// empty or the manifest alone). The state has no records (`hasRecords` is false) unless there are no
    /// parts to read.
    static func readHead(from file: URL) -> (state: BuildState, parts: (names: [StoredParts.Name], stamp: FileStamp?)?) {
        let stamp = FileStamp.of(file.path)
        guard let bytes = FileIO.read(file.path) else { return (BuildState(), nil) }
        var reader = BinaryReader(bytes)
        var state = BuildState()
        do {
            try readManifest(&reader, into: &state)
        } catch {
            return (BuildState(), nil)
        }
        do {
            let names = try readSourcesHead(&reader, into: &state)
            state.hasRecords = false
            return (state, (names, stamp))
        } catch {
            return (state.manifestOnly, nil)
        }
    }

    /// `head` with the records of the parts `readHead` found (`decoded`, by part, each by `decodePart`), or
    /// the manifest alone when a part is missing or damaged (nil).
    static func withParts(_ parts: (names: [StoredParts.Name], stamp: FileStamp?), _ decoded: consuming [[(String, SourceRecord)]?],
                          into head: BuildState, from file: URL) -> BuildState {
        var state = head
        guard !decoded.contains(where: { $0 == nil }) else { return head.manifestOnly }
        state._sources.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        // Moved out of the decoded parts where they lie, not copied: a copy of a record retains each of its strings.
        for n in decoded.indices {
            while let (path, record) = decoded[n]!.popLast() { state._sources.set(record, for: path) }
        }
        state.hasRecords = true
        // Each record is in the part its path names (`part(of:count:)`): a save names an unchanged part again,
        // but only while the cache file is the one read here.
        if let stamp = parts.stamp, stamp == FileStamp.of(file.path) { state.storedParts = StoredParts(file: stamp, names: parts.names) }
        return state
    }

    /// One part's records; nil when the part is missing, or its bytes are not the ones its name is the hash
    /// of (damaged, even where they still decode): then every record is lost.
    static func decodePart(_ name: StoredParts.Name, in folder: String) -> [(String, SourceRecord)]? {
        guard let bytes = FileIO.read(folder + "/" + name.fileName), bytes.count == name.length,
              StableHash.of(bytes) == name.hash else { return nil }
        return try? decode(BinaryReader(bytes))
    }

    /// Saves the state into `file` (its folder is created when missing), the parts first and the cache
    /// file last, so that at every step the cache file lists whole parts.
    ///
    /// The source records are most of the cache. They are saved in parts by their paths' hashes, each part
    /// a file of its own beside the cache, named by the hash of its bytes (`partsFolder`); the cache file
    /// lists them. A part none of whose records changed since the state was read from `file` is the same
    /// file again and is not written. The others are encoded, on every core, a window of parts at a time,
    /// and written as they are: the encoded records are never all held at once. The cache file is
    /// replaced last, so that it only ever lists parts that are whole, and the parts it no longer lists
    /// are removed after.
    ///
    /// - Returns: how many parts were encoded (the others were named again).
    @discardableResult
    public func save(to file: URL) throws -> Int {
        // A state read without its records would save a cache that lists none.
        guard hasRecords else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        let folder = file.deletingLastPathComponent()
        let partsFolder = Self.partsFolder(of: file)
        try FileManager.default.createDirectory(atPath: partsFolder, withIntermediateDirectories: true)
        let count = Self.partCount(records: sources.count)
        var names = isUnchanged(file) ? reusedNames(count: count) : [StoredParts.Name?](repeating: nil, count: count)
        // Positions in the table, not copies of its records: they are read where they are, on every core.
        let sources = self.sources
        let partOf = parallelMap(sources.count) { Self.part(of: sources.paths[$0], count: count) }
        var members = [[Int]](repeating: [], count: count)
        for (position, part) in partOf.enumerated() where names[part] == nil { members[part].append(position) }
        let toEncode = members
        var encodedCount = 0
        // A window of parts at a time, encoded and written on every core: only one window's encoded bytes
        // are held at once.
        for window in stride(from: 0, to: count, by: Self.partsPerWindow) {
            let encoding = (window..<min(count, window + Self.partsPerWindow)).filter { names[$0] == nil }
            let written = parallelMap(encoding.count) { n -> StoredParts.Name? in
                Self.writePart(Self.encode(toEncode[encoding[n]], of: sources).bytes, part: encoding[n], in: partsFolder)
            }
            for (n, part) in encoding.enumerated() {
                guard let name = written[n] else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partsFolder]) }
                names[part] = name
            }
            encodedCount += encoding.count
        }
        let listed = names.map { $0! }
        let temporary = folder.appendingPathComponent("." + file.lastPathComponent + ".tmp")
        // Written out as it is encoded, a window at a time: the head is 20 MB at 100,000 articles, memory
        // the process would otherwise take new (and the kernel zero) at every save.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        var written = fd >= 0
        func drain(_ w: inout BinaryWriter, whole: Bool = false) {
            guard written, whole || w.bytes.count >= Self.headWindow else { return }
            written = FileIO.write(w.bytes, to: fd)
            w.bytes.removeAll(keepingCapacity: true)
        }
        var head = BinaryWriter(capacity: Self.headWindow + (1 << 16))
        writeHead(&head) { drain(&$0) }
        head.write(count)
        for name in listed {
            head.write(name.hash)
            head.write(name.length)
        }
        drain(&head, whole: true)
        if fd >= 0 { close(fd) }
        guard written, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        Self.removeParts(in: partsFolder, except: Set(listed.map(\.fileName)))
        return encodedCount
    }

    /// Parts encoded and written together: enough to keep every core busy, few enough to hold.
    static let partsPerWindow = 64

    /// The folder of the parts `file` lists.
    static func partsFolder(of file: URL) -> String {
        file.path + "-parts"
    }

    /// True when the cache file is still the one this state was read from: the parts it lists are then
    /// the ones `storedParts` names.
    private func isUnchanged(_ file: URL) -> Bool {
        guard let stored = storedParts else { return false }
        return FileStamp.of(file.path) == stored.file
    }

    /// The part files that can be named again (none of their records changed since they were read), by
    /// part; nil for the parts to encode.
    private func reusedNames(count: Int) -> [StoredParts.Name?] {
        var parts = [StoredParts.Name?](repeating: nil, count: count)
        guard let stored = storedParts, stored.names.count == count else { return parts }
        var clean = [Bool](repeating: true, count: count)
        for path in changedSources { clean[Self.part(of: path, count: count)] = false }
        for part in 0..<count where clean[part] { parts[part] = stored.names[part] }
        return parts
    }

    /// Writes a part under the name its bytes give it; nil when it cannot be written. Written beside and
    /// renamed, so a part file is whole. A file of that name is replaced, not trusted: it may be the
    /// damaged copy that made this build a full one.
    private static func writePart(_ bytes: [UInt8], part: Int, in folder: String) -> StoredParts.Name? {
        let name = StoredParts.Name(hash: StableHash.of(bytes), length: bytes.count)
        let path = folder + "/" + name.fileName
        // Named after the part too: two parts with the same bytes (empty ones) are written at once.
        let temporary = folder + "/." + name.fileName + "." + String(part) + ".tmp"
        guard FileIO.write(bytes, to: temporary) != nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return nil
        }
        return name
    }

    /// Removes the files of `folder` that are not `kept`: parts no cache lists any more, and the temporary
    /// files of a save that was cut short.
    private static func removeParts(in folder: String, except kept: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !kept.contains(name) { unlink(folder + "/" + name) }
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
        // Mixed first: the low bits of a byte hash come from a few of the bytes only (a multiplication
        // carries upwards), and paths that differ in their middle would share a few parts, leaving others
        // empty. (MurmurHash3's finalizer.)
        var mixed = hash.value
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return Int(mixed % UInt64(count))
    }

    /// How much of the head is encoded before it is written out.
    static let headWindow = 1 << 20

    /// Everything before the source records' parts; `drain` takes what is encoded so far when it is large.
    private func writeHead(_ w: inout BinaryWriter, drain: (inout BinaryWriter) -> Void) {
        w.write(Self.magic)
        w.write(Self.manifestVersion)
        w.write(outputRoot)
        w.write(outputs.count)
        for (path, record) in outputs {
            w.write(path)
            w.write(record.hash)
            w.write(record.stamp)
            w.write(record.fingerprint)
            drain(&w)
        }
        w.write(Self.sourcesVersion)
        w.write(parseKey)
        w.write(inputsKey)
        w.write(searchKey)
        w.write(searchIndexKey)
        drain(&w)
        w.write(searchTerms)
        drain(&w)
        w.write(related)
        w.write(unchanged)
    }

    /// Small parts: an edit encodes its article's part again, not a large share of the archive.
    static let recordsPerPart = 256

    private static func encode(_ positions: [Int], of sources: SourceTable) -> BinaryWriter {
        var w = BinaryWriter(capacity: positions.count * 1500)
        w.write(positions.count)
        for position in positions { w.write(sources.paths[position], sources.records[position]) }
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

    /// Reads what follows the manifest into `state`, but for the records; returns the parts that hold them.
    private static func readSourcesHead(_ r: inout BinaryReader, into state: inout BuildState)
        throws(BinaryReader.Corrupt) -> [StoredParts.Name] {
        guard try r.uint64() == sourcesVersion else { throw BinaryReader.Corrupt() }
        state.parseKey = try r.uint64()
        state.inputsKey = try r.uint64()
        state.searchKey = try r.uint64()
        state.searchIndexKey = try r.uint64()
        state.searchTerms = try r.searchTerms()
        state.related = try r.related()
        state.unchanged = try r.unchanged()
        var names: [StoredParts.Name] = []
        for _ in 0..<(try r.count()) {
            let name = StoredParts.Name(hash: try r.uint64(), length: try r.int())
            guard name.length >= 0 else { throw BinaryReader.Corrupt() }
            names.append(name)
        }
        guard r.atEnd else { throw BinaryReader.Corrupt() }
        return names
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

    mutating func write(_ unchanged: UnchangedBuild?) {
        guard let unchanged else { return write(false) }
        write(true)
        write(unchanged.key)
        write(unchanged.since)
        write(unchanged.until)
        write(unchanged.articles)
        write(unchanged.warnings.count)
        for warning in unchanged.warnings { write(warning) }
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

    mutating func unchanged() throws(Corrupt) -> UnchangedBuild? {
        guard try bool() else { return nil }
        var unchanged = UnchangedBuild(key: try uint64(), since: try double(), until: try double(), articles: try int(), warnings: [])
        for _ in 0..<(try count()) { unchanged.warnings.append(try diagnostic()) }
        return unchanged
    }

    mutating func stamp() throws(Corrupt) -> FileStamp {
        FileStamp(size: try int(), modified: try int())
    }

    mutating func diagnostic() throws(Corrupt) -> Diagnostic {
        Diagnostic(file: try string(), line: try int(), column: try int(), severity: try bool() ? .error : .warning,
                   message: try string())
    }
}
