import Dispatch
import Foundation

/// HTTP/1.1 over a plain socket, for what a URL library would not send as it is (`/../`, `%00`, `\`: clients
/// normalise or refuse such paths) and for reading the live-reload stream as it arrives.
///
/// The blocking socket calls run on Dispatch threads, never on the threads of Swift's concurrency pool.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32
    /// Bytes read and not yet consumed; touched only inside `queue`.
    private var pending: [UInt8] = []
    private let queue = DispatchQueue(label: "raw-http")

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw FixtureError("connect failed")
        }
    }

    deinit { Glibc.close(fd) }

    /// Closes the connection as a browser does when its page goes away.
    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw FixtureError("send failed") }
            offset += sent
        }
    }

    /// Runs `body` on this connection's queue, with the buffered bytes and a way to read more.
    func withReader<T: Sendable>(_ body: @escaping @Sendable (inout Reader) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                var reader = Reader(fd: self.fd, buffer: self.pending)
                let result = Result { try body(&reader) }
                self.pending = reader.buffer
                continuation.resume(with: result)
            }
        }
    }

    struct Reader {
        let fd: Int32
        var buffer: [UInt8]

        /// Reads more bytes, waiting at most until `deadline`; false when the peer closed or time ran out.
        mutating func fill(until deadline: ContinuousClock.Instant) -> Bool {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000) + 1
            guard poll(&poller, 1, ms) > 0 else { return false }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }

        /// The bytes up to and including `delimiter`, consumed.
        mutating func take(through delimiter: [UInt8], until deadline: ContinuousClock.Instant) -> [UInt8]? {
            while true {
                if let end = Self.find(delimiter, in: buffer) {
                    defer { buffer.removeFirst(end + delimiter.count) }
                    return Array(buffer[..<(end + delimiter.count)])
                }
                guard fill(until: deadline) else { return nil }
            }
        }

        mutating func take(count: Int, until deadline: ContinuousClock.Instant) -> [UInt8]? {
            while buffer.count < count {
                guard fill(until: deadline) else { return nil }
            }
            defer { buffer.removeFirst(count) }
            return Array(buffer[..<count])
        }

        static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
            guard haystack.count >= needle.count else { return nil }
            for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
                return i
            }
            return nil
        }
    }
}

enum RawHTTP {
    /// Sends `target` exactly as given in a request line, and reads the whole response (`Connection: close`).
    static func get(_ target: String, port: Int, method: String = "GET") async throws -> (status: Int, head: String, body: [UInt8]) {
        let connection = try RawConnection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        return try await connection.withReader { reader in
            let deadline = ContinuousClock.now + .seconds(20)
            guard let headBytes = reader.take(through: Array("\r\n\r\n".utf8), until: deadline) else { throw FixtureError("no response head") }
            let head = String(decoding: headBytes, as: UTF8.self)
            let statusLine = head.split(separator: "\r\n").first ?? ""
            let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            while reader.fill(until: deadline) {}
            return (status, head, reader.buffer)
        }
    }
}
