import Foundation

/// Where a build's files go: a folder on disk, or memory for the preview server and tests.
///
/// Paths are relative to the output root and use `/`. Writes may come from many threads at once.
public protocol OutputSink: AnyObject, Sendable {
    /// Records the bytes of one output file; returns the stamp it will have once committed.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) throws(OutputError) -> FileStamp
    /// Removes a file a previous build wrote and this one does not (at commit, for a disk sink).
    func remove(_ path: String) throws(OutputError)
    /// The size and modification time of a file that is there now (committed), or nil.
    func stamp(of path: String) -> FileStamp?
    /// The bytes of a file that is there now (committed), or nil.
    func contents(of path: String) -> [UInt8]?
    /// Makes all writes and removals of this build visible; until then the old output stays as it was.
    func commit() throws(OutputError)
    /// Forgets the writes of a build that failed.
    func discard()
}

/// A file the sink refused or could not write.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}

enum OutputPath {
    /// Refuses any path that could leave the output root: absolute, `..`, `.`, empty segments,
    /// backslashes, NUL and other control characters.
    static func validate(_ path: String) throws(OutputError) {
        // One pass over the bytes (every output file comes through here): segment by segment.
        var segmentStart = 0
        var dots = 0
        var bad = false
        var controlled = false
        var position = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if position == segmentStart || dots == position - segmentStart && dots <= 2 { bad = true }
                segmentStart = position + 1
                dots = 0
            case UInt8(ascii: "."):
                dots += 1
            case UInt8(ascii: "\\"), 0..<0x20, 0x7F:
                controlled = true
            default:
                break
            }
            position += 1
        }
        if position == segmentStart || dots == position - segmentStart && dots <= 2 { bad = true }
        if bad { throw OutputError(path: path, message: "refusing to write outside the output folder") }
        if controlled { throw OutputError(path: path, message: "refusing a path with a backslash or a control character") }
    }
}
