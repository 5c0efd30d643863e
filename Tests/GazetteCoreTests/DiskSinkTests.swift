import Foundation
import Glibc
import Synchronization
import Testing
@testable import GazetteCore

@Suite struct DiskSinkTests {
    /// The output root and its sections are marked as tops of hierarchies (ext4's `chattr +T`), so
    /// their trees are spread over the disk instead of crowding a block group full of freed inodes.
    /// Every output path is checked before it is written: the check, one pass over the bytes, refuses
    /// exactly what the plain definition refuses, with the same message, for every short path made of
    /// letters, dots, slashes, a backslash, a control character and a non-ASCII letter.
    @Test func outputPathsAreRefusedAsTheirDefinitionSays() {
        func reference(_ path: String) -> String? {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.isEmpty || path.hasPrefix("/") || !segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) {
                return "refusing to write outside the output folder"
            }
            if path.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) {
                return "refusing a path with a backslash or a control character"
            }
            return nil
        }
        let alphabet = ["a", ".", "/", "\\", "\u{01}", "é"]
        var paths = [""]
        for _ in 0..<5 { paths += paths.flatMap { path in alphabet.map { path + $0 } } }
        var refused = 0
        for path in Set(paths) {
            var message: String?
            do throws(OutputError) { try OutputPath.validate(path) } catch { message = error.message }
            #expect(message == reference(path), "\(path.debugDescription)")
            if message != nil { refused += 1 }
        }
        #expect(refused > 1_000)
    }

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

    /// A build into a missing output folder writes beside it and moves the whole folder into place at
    /// the commit: until then there is no output folder at all, never a part of one.
    @Test func aFirstBuildAppearsWholeAtTheCommit() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.path + "/Output", staging = base.path + "/.Output" + DiskSink.temporarySuffix
        // A build killed earlier left its staging folder: it is not taken into the output.
        try FileManager.default.createDirectory(atPath: staging + "/old", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: staging + "/old/index.html", contents: Data("stale".utf8))

        let sink = DiskSink(root: URL(fileURLWithPath: output))
        let stamp = try sink.write(Array("<p>x</p>".utf8), to: "2024/05/story/index.html")
        try sink.write(Array("home".utf8), to: "index.html")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(sink.stamp(of: "index.html") == nil)
        try sink.commit()
        #expect(!FileManager.default.fileExists(atPath: staging))
        #expect(FileManager.default.contents(atPath: output + "/2024/05/story/index.html") == Data("<p>x</p>".utf8))
        #expect(!FileManager.default.fileExists(atPath: output + "/old"))
        #expect(sink.stamp(of: "2024/05/story/index.html") == stamp)

        // The same sink goes on as for any existing folder (the preview server's search index comes later).
        let second = try sink.write(Array("more".utf8), to: "2024/05/other/index.html")
        try sink.write(Array("home 2".utf8), to: "index.html")
        #expect(FileManager.default.contents(atPath: output + "/index.html") == Data("home".utf8))
        try sink.commit()
        #expect(FileManager.default.contents(atPath: output + "/index.html") == Data("home 2".utf8))
        #expect(sink.stamp(of: "2024/05/other/index.html") == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["Output"])
    }

    @Test func aFailedFirstBuildLeavesNothing() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let sink = DiskSink(root: base.appendingPathComponent("Output"))
        try sink.write(Array("x".utf8), to: "a/b/index.html")
        sink.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    /// An output folder that is a link to a folder is written through; one that leads nowhere, or a file
    /// where the folder should be, is an error that says so, and nothing is made beside it.
    @Test func anOutputFolderThatIsALinkOrAFile() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: base.appendingPathComponent("Linked"), withDestinationURL: base.appendingPathComponent("elsewhere"))
        let linked = DiskSink(root: base.appendingPathComponent("Linked"))
        try linked.write(Array("x".utf8), to: "a/index.html")
        try linked.commit()
        #expect(FileManager.default.contents(atPath: base.path + "/elsewhere/a/index.html") == Data("x".utf8))

        try FileManager.default.createSymbolicLink(at: base.appendingPathComponent("Dangling"), withDestinationURL: base.appendingPathComponent("gone"))
        _ = FileManager.default.createFile(atPath: base.path + "/File", contents: Data("f".utf8))
        for (name, message) in [("Dangling", "symbolic link that leads to no folder"), ("File", "a file is in the way")] {
            let sink = DiskSink(root: base.appendingPathComponent(name))
            #expect(throws: OutputError.self) { try sink.write(Array("x".utf8), to: "index.html") }
            do { try sink.write(Array("x".utf8), to: "index.html") } catch { #expect(error.message.contains(message), "\(error)") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["Dangling", "File", "Linked", "elsewhere"])
    }

    /// Ctrl-C (`cancel`, from another thread) at any moment around a commit into an existing output
    /// folder. When `cancel` returns (the command exits right after) no temporary file is left, and the
    /// folder holds the last build's files, all of them, or (when the commit had started, which
    /// `cancel` says) all of the new ones. A commit cut short used to leave the files it had not yet
    /// moved as temporary files.
    @Test func cancelAtAnyMomentOfACommit() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("Output")
        let paths = (0..<300).map { "2025/\($0 % 12)/story-\($0)/index.html" }
        let first = DiskSink(root: output)
        for path in paths { try first.write(Array("old".utf8), to: path) }
        try first.commit()
        let snapshot: @Sendable () -> (temporary: Int, contents: Set<Data?>) = {
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? []
            return (files.filter { $0.hasSuffix(DiskSink.temporarySuffix) }.count,
                    Set(paths.map { FileManager.default.contents(atPath: output.path + "/" + $0) }))
        }

        var current = Data("old".utf8)
        var outcomes: Set<Bool> = []
        for round in 0..<60 {
            let sink = DiskSink(root: output)
            let new = Data("new \(round)".utf8)
            for path in paths { try sink.write(Array(new), to: path) }
            let seen = Mutex<(unchanged: Bool, temporary: Int, contents: Set<Data?>)?>(nil)
            let group = DispatchGroup()
            // From well before the commit to past its end, so that every moment is met.
            let offset = round * 50 - 1_000
            DispatchQueue.global().async(group: group) {
                if offset > 0 { usleep(UInt32(offset)) }
                let unchanged = sink.cancel()
                let (temporary, contents) = snapshot()  // what the folder holds when the command exits
                seen.withLock { $0 = (unchanged, temporary, contents) }
            }
            if offset < 0 { usleep(UInt32(-offset)) }
            let committed = (try? sink.commit()) != nil
            group.wait()
            let after = try #require(seen.withLock { $0 })
            #expect(after.unchanged == !committed)
            #expect(after.temporary == 0, "round \(round): \(after.temporary) temporary files left")
            #expect(after.contents == [after.unchanged ? current : new], "round \(round): not all files are the old or the new ones")
            if !after.unchanged { current = new }
            outcomes.insert(after.unchanged)
        }
        // Both cases were met: cancelled before the commit, and during or after it.
        #expect(outcomes == [true, false])
    }

    /// A failed build removes its temporary files itself (`discard`); Ctrl-C meanwhile (`cancel`) waits for
    /// that to end before the command exits, though `cancel`'s own discard found nothing left to remove.
    @Test func cancelWaitsForTheBuildsOwnDiscard() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let sink = DiskSink(root: output)
        for n in 0..<20_000 { try sink.write(Array("x".utf8), to: "d\(n % 20)/p\(n).html") }
        // One write held under way: its temporary file is a pipe that nobody opens for reading yet.
        let fifo = output.path + "/.blocker.html" + DiskSink.temporarySuffix
        #expect(mkfifo(fifo, 0o644) == 0)
        let build = DispatchGroup(), cancelling = DispatchGroup()
        let left = Mutex<Int?>(nil)
        DispatchQueue.global().async(group: build) {
            _ = try? sink.write(Array("y".utf8), to: "blocker.html")
            sink.discard()  // as a failed build does
        }
        usleep(100_000)
        DispatchQueue.global().async(group: cancelling) {
            _ = sink.cancel()
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? []
            left.withLock { $0 = files.filter { $0.hasSuffix(DiskSink.temporarySuffix) }.count }
        }
        usleep(100_000)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)  // lets the held write go on
        cancelling.wait()
        build.wait()
        close(reader)
        #expect(left.withLock { $0 } == 0)
    }

    /// A commit that fails moves nothing into place: Ctrl-C after it says the output folder is as it was.
    @Test func aFailedCommitLeavesTheOutputAsItWas() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("a.html/x"), withIntermediateDirectories: true)
        let sink = DiskSink(root: output)
        try sink.write(Array("new".utf8), to: "a.html")
        #expect(throws: OutputError.self) { try sink.commit() }
        sink.discard()
        #expect(sink.cancel())
    }

    /// A commit that fails after moving some files leaves a new output, partly: Ctrl-C after it does not
    /// say the folder is as it was.
    @Test func aCommitThatFailsPartwaySaysSo() throws {
        let base = try Self.makeBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("a.html/x"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("b.html"))
        let sink = DiskSink(root: output)
        try sink.write(Array("new".utf8), to: "a.html")
        try sink.write(Array("new".utf8), to: "b.html")
        #expect(throws: OutputError.self) { try sink.commit() }
        sink.discard()
        let unchanged = sink.cancel()
        #expect(!unchanged || FileManager.default.contents(atPath: output.path + "/b.html") == Data("old".utf8))
    }

    /// Ctrl-C's discard and a failed build's own, at once: the folders the build made go with their
    /// files, none is left behind empty.
    @Test func twoDiscardsAtOnceLeaveNoFolder() throws {
        for round in 0..<3 {
            let base = try Self.makeBase()
            defer { try? FileManager.default.removeItem(at: base) }
            let output = base.appendingPathComponent("Output")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let sink = DiskSink(root: output)
            for n in 0..<5_000 { try sink.write(Array("x".utf8), to: "new\(n % 20)/p\(n).html") }
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { _ = sink.cancel() }
            usleep(UInt32(round * 3_000))
            sink.discard()
            group.wait()
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "round \(round)")
        }
    }

    private static func makeBase() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        return base
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
