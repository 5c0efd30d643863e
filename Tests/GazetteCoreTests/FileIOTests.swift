import Foundation
import Testing
@testable import GazetteCore

struct FileIOTests {
    private static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fileio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func readsAFileWhole() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = folder.path + "/data"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(FileIO.read(path) == bytes)
        _ = FileManager.default.createFile(atPath: folder.path + "/empty", contents: Data())
        #expect(FileIO.read(folder.path + "/empty") == [])
        #expect(FileIO.read(folder.path + "/missing") == nil)
        #expect(FileIO.read(folder.path) == nil)  // a folder cannot be read as a file
    }

    /// A pipe says it holds nothing: what comes through it is read to its end all the same.
    @Test func readsAPipeToItsEnd() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let sent = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            sent.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(fd)
        }
        writer.start()
        #expect(FileIO.read(path) == sent)
    }
}
