import Foundation
import Synchronization

/// Writes a build into a folder so that the old output stays whole until the new one is complete.
///
/// Each file is first written to a staging folder inside the output folder (same file system, so the
/// final step is a `rename`, which is atomic). `commit` moves them into place; a failed build calls
/// `discard` and the output folder is as it was. A file whose bytes did not change is not written at all,
/// so its modification time stays.
public final class DiskSink: OutputSink {
    public let root: URL
    let staging: URL
    private let stagedPaths = Mutex<[String]>([])

    public static let stagingName = ".gazette-staging"

    public init(root: URL) {
        self.root = root.standardizedFileURL
        staging = self.root.appendingPathComponent(Self.stagingName)
    }

    public func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try OutputPath.validate(path)
        let target = root.appendingPathComponent(path)
        if Self.sameContents(target.path, bytes) { return }
        let staged = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: staged)
        } catch {
            throw OutputError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
        stagedPaths.withLock { $0.append(path) }
    }

    public func commit() throws(OutputError) {
        let paths = stagedPaths.withLock { paths in
            defer { paths = [] }
            return paths
        }
        var folders: Set<String> = []
        for path in paths {
            let target = root.appendingPathComponent(path)
            let folder = target.deletingLastPathComponent().path
            do {
                if folders.insert(folder).inserted {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else {
                    throw OutputError(path: path, message: "cannot move into place: \(String(cString: strerror(errno)))")
                }
            } catch let error as OutputError {
                throw error
            } catch {
                throw OutputError(path: path, message: "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        try? FileManager.default.removeItem(at: staging)
    }

    public func discard() {
        stagedPaths.withLock { $0 = [] }
        try? FileManager.default.removeItem(at: staging)
    }

    /// True when `path` already holds exactly `bytes`.
    static func sameContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing.elementsEqual(bytes)
    }
}
