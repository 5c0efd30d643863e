import Foundation

/// The few system calls a build writes with, without Foundation's per-call overhead.
enum FileIO {
    /// Writes `bytes` to a new file at `path` (replacing one that is there); returns its stamp, or nil when
    /// it could not be written.
    static func write(_ bytes: [UInt8], to path: String) -> FileStamp? {
        // O_NOFOLLOW: a link planted where the temporary file goes is not written through.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard write(bytes, to: fd), fstat(fd, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Writes all of `bytes` to the open file `fd`; false when it could not.
    static func write(_ bytes: [UInt8], to fd: CInt) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// The whole file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        var failed = false, ended = false
        // Read into memory not written first: zeroes the kernel would overwrite cost a pass over every page.
        // One byte more than the file, so that reading to its end needs no larger buffer (and no copy).
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            while initialized < buffer.count, !ended {
                guard let count = readSome(fd, buffer.baseAddress! + initialized, buffer.count - initialized) else {
                    failed = true
                    return
                }
                initialized += count
                // A regular file read to the size it had is read: no read to hear its end. (A short read alone
                // says nothing: one `read` returns at most 2 GiB.)
                ended = count == 0 || (isRegular && initialized == size)
            }
        }
        // Larger than it said (a pipe, a file that grew): the rest a block at a time.
        var block = [UInt8](repeating: 0, count: ended || failed ? 0 : 65_536)
        while !ended, !failed {
            guard let count = block.withUnsafeMutableBytes({ readSome(fd, $0.baseAddress!, $0.count) }) else {
                failed = true
                break
            }
            bytes.append(contentsOf: block[..<count])
            ended = count == 0
        }
        return failed ? nil : bytes
    }

    /// One `read`, made again when a signal cut it short: the bytes read (0 at the end), or nil on an error.
    private static func readSome(_ fd: CInt, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int? {
        while true {
            let read = Glibc.read(fd, buffer, count)
            if read >= 0 { return read }
            if errno != EINTR { return nil }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Sets ext4's "top of directory hierarchy" flag (`chattr +T`) on a folder, so the folders made in
    /// it are spread over the disk's block groups instead of packed beside their parent. Without a
    /// journal, ext4 skips inodes freed in the last minutes when it allocates, one by one: a build
    /// right after the previous output (or another tool's) was deleted otherwise spends most of its
    /// time in that scan. Other file systems do not know the flag; nothing changes there.
    static func markTopOfHierarchy(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var flags: CInt = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return }
        flags |= topOfHierarchy
        _ = ioctl(fd, setFlags, &flags)
    }

    // From linux/fs.h, which Glibc does not bring in.
    private static let getFlags: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
    private static let setFlags: UInt = 0x4008_6602  // FS_IOC_SETFLAGS
    private static let topOfHierarchy: CInt = 0x0002_0000  // FS_TOPDIR_FL

    static var lastError: String { String(cString: strerror(errno)) }
}
