/// The content files' records, by path, kept in an array: a field of a record is read where it lies
/// (`records[position].article`), where a dictionary hands out a copy of the whole record, retaining
/// every string of its article, for each read.
struct SourceTable: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Each path's position in `paths` and `records`.
    private var positions: [String: Int] = [:]
    private(set) var paths: [String] = []
    private(set) var records: [SourceRecord] = []

    init() {}

    init(dictionaryLiteral elements: (String, SourceRecord)...) {
        for (path, record) in elements { self[path] = record }
    }

    var count: Int { records.count }
    var isEmpty: Bool { records.isEmpty }

    mutating func reserveCapacity(_ capacity: Int) {
        positions.reserveCapacity(capacity)
        paths.reserveCapacity(capacity)
        records.reserveCapacity(capacity)
    }

    /// Where the record of `path` lies in `records`.
    func position(of path: String) -> Int? {
        positions[path]
    }

    /// A copy of the record of `path`; setting nil removes it.
    subscript(path: String) -> SourceRecord? {
        get { positions[path].map { records[$0] } }
        set {
            if let newValue {
                set(newValue, for: path)
            } else {
                removeValue(forKey: path)
            }
        }
    }

    /// Changes the record at `position` in place.
    mutating func modify<T>(at position: Int, _ body: (inout SourceRecord) -> T) -> T {
        body(&records[position])
    }

    /// Sets the record of `path`; returns true when it replaced one.
    @discardableResult
    mutating func set(_ record: consuming SourceRecord, for path: String) -> Bool {
        if let position = positions[path] {
            records[position] = record
            return true
        }
        positions[path] = records.count
        paths.append(path)
        records.append(record)
        return false
    }

    /// Removes the record of `path` (the last record takes its place); returns it.
    @discardableResult
    mutating func removeValue(forKey path: String) -> SourceRecord? {
        guard let position = positions.removeValue(forKey: path) else { return nil }
        let last = records.count - 1
        if position != last {
            records.swapAt(position, last)
            paths.swapAt(position, last)
            positions[paths[position]] = position
        }
        paths.removeLast()
        return records.removeLast()
    }

    func mapValues<T>(_ transform: (SourceRecord) throws -> T) rethrows -> [String: T] {
        var mapped: [String: T] = [:]
        mapped.reserveCapacity(count)
        for position in records.indices { mapped[paths[position]] = try transform(records[position]) }
        return mapped
    }

    func makeIterator() -> Zip2Sequence<[String], [SourceRecord]>.Iterator {
        zip(paths, records).makeIterator()
    }
}
