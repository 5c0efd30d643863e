import Foundation

/// One page's connection to `/_gazette/events`: reads the chunked `text/event-stream` as it comes.
final class EventStreamClient: Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let connection: RawConnection
    /// The `hello` event the stream started with.
    let hello: Event

    private init(connection: RawConnection, hello: Event) {
        self.connection = connection
        self.hello = hello
    }

    static func connect(port: Int) async throws -> EventStreamClient {
        let connection = try RawConnection(port: port)
        try connection.send("GET /_gazette/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let head = try await connection.withReader { reader in
            reader.take(through: Array("\r\n\r\n".utf8), until: .now + .seconds(20)).map { String(decoding: $0, as: UTF8.self) }
        }
        guard let head, head.hasPrefix("HTTP/1.1 200"), head.lowercased().contains("content-type: text/event-stream") else {
            throw FixtureError("not an event stream: \(head ?? "no answer")")
        }
        let client = EventStreamClient(connection: connection, hello: Event(name: "", data: ""))
        guard let hello = try await client.next(timeout: .seconds(20)), hello.name == "hello" else {
            throw FixtureError("the stream did not start with hello")
        }
        return EventStreamClient(connection: connection, hello: hello)
    }

    /// The next event (comments and `retry:` lines skipped), or nil when none came in time.
    func next(timeout: Duration) async throws -> Event? {
        try await connection.withReader { reader in
            let deadline = ContinuousClock.now + timeout
            var text = ""
            while true {
                // An event ends with a blank line.
                if let end = text.range(of: "\n\n") {
                    let block = text[..<end.lowerBound]
                    text = String(text[end.upperBound...])
                    var event = Event(name: "message", data: "")
                    var isEvent = false
                    for line in block.split(separator: "\n") {
                        if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)); isEvent = true }
                        if line.hasPrefix("data: ") { event.data += (event.data.isEmpty ? "" : "\n") + line.dropFirst(6); isEvent = true }
                    }
                    if isEvent {
                        // Keep what follows for the next call (put back as one chunk's worth of text).
                        if !text.isEmpty { reader.buffer = Self.rechunk(text) + reader.buffer }
                        return event
                    }
                    continue
                }
                // One chunk of the chunked body: "size\r\n" bytes "\r\n".
                guard let sizeLine = reader.take(through: Array("\r\n".utf8), until: deadline),
                      let size = Int(String(decoding: sizeLine.dropLast(2), as: UTF8.self), radix: 16) else { return nil }
                if size == 0 { return nil }
                guard let bytes = reader.take(count: size + 2, until: deadline) else { return nil }
                text += String(decoding: bytes.dropLast(2), as: UTF8.self)
            }
        }
    }

    func close() {
        connection.close()
    }

    /// Waits for an event named `name`, skipping others; nil when none came in time.
    func next(named name: String, timeout: Duration = .seconds(15)) async throws -> Event? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let event = try await next(timeout: ContinuousClock.now.duration(to: deadline)) else { return nil }
            if event.name == name { return event }
        }
        return nil
    }

    private static func rechunk(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        return Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
    }
}
