import Foundation
import Synchronization

/// Tells every open page that the site changed, over Server-Sent Events on `/_gazette/events`.
///
/// Each page's stream starts with `hello` (the current version: a page built from an older one reloads
/// at once, which covers a save made between loading a page and connecting), then gets `reload` after
/// each rebuild that changed the site or fixed a failed build, and `failed` (the diagnostics as JSON)
/// after a rebuild that failed.
final class LiveReload: Sendable {
    /// One Server-Sent Event.
    struct Event: Sendable, Equatable {
        var name: String
        var data: String

        /// The event as it goes on the wire.
        var wireText: String {
            if name.isEmpty { return ": ping\n\n" }
            return "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
        }
    }

    static let path = "/_gazette/events"

    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<Event>.Continuation] = [:]
    }

    private let subscribers = Mutex(Subscribers())

    /// A stream of the events sent from now on; it ends when the page goes away or the server stops.
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = subscribers.withLock { subscribers in
            defer { subscribers.next += 1 }
            subscribers.continuations[subscribers.next] = continuation
            return subscribers.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `event` to every open page; returns how many there were.
    @discardableResult
    func send(_ event: Event) -> Int {
        let continuations = subscribers.withLock { Array($0.continuations.values) }
        for continuation in continuations { continuation.yield(event) }
        return continuations.count
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        let continuations = subscribers.withLock { subscribers in
            defer { subscribers.continuations = [:] }
            return Array(subscribers.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}

extension LiveReload.Event {
    static func hello(version: Int) -> Self { Self(name: "hello", data: String(version)) }
    static func reload(version: Int) -> Self { Self(name: "reload", data: String(version)) }

    /// A keep-alive: a comment line, which browsers ignore; writing it finds pages that went away.
    static let ping = Self(name: "", data: "")

    static func failed(version: Int, overlay: ErrorOverlay) -> Self {
        Self(name: "failed", data: overlay.json(version: version))
    }
}
