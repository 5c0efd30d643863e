import Foundation
import Glibc
import Testing
@testable import GazetteCore

@Suite struct DiskSinkTests {
    /// The output root and its sections are marked as tops of hierarchies (ext4's `chattr +T`), so
    /// their trees are spread over the disk instead of crowding a block group full of freed inodes.
    @Test func outputRootAndSectionsAreTopsOfHierarchies() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let sink = DiskSink(root: base.appendingPathComponent("Output"))
        try sink.write(Array("<p>x</p>".utf8), to: "2024/05/story/index.html")
        try sink.commit()
        #expect(FileManager.default.contents(atPath: base.path + "/Output/2024/05/story/index.html") == Data("<p>x</p>".utf8))

        // Where the file system keeps no such flag (tmpfs), the build writes just the same.
        let probe = base.appendingPathComponent("probe").path
        mkdir(probe, 0o755)
        FileIO.markTopOfHierarchy(probe)
        guard Self.isTop(probe) == true else { return }
        #expect(Self.isTop(base.path + "/Output") == true)
        #expect(Self.isTop(base.path + "/Output/2024") == true)
        #expect(Self.isTop(base.path + "/Output/2024/05") == false)
        #expect(Self.isTop(base.path + "/Output/2024/05/story") == false)
    }

    private static func isTop(_ path: String) -> Bool? {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var flags: CInt = 0
        guard ioctl(fd, UInt(0x8008_6601), &flags) == 0 else { return nil }
        return flags & 0x0002_0000 != 0
    }
}
