import Hummingbird
import ServiceLifecycle

extension SiteResponder {
    /// `text/event-stream`: `hello` with the current version, then every event until the page goes away or
    /// the server stops (a graceful shutdown ends the stream so that the server need not wait for it).
    func eventStream(head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: MediaTypes.eventStream, .cacheControl: "no-cache"]
        guard !head else { return Response(status: .ok, headers: headers) }
        let events = reload.subscribe()
        let hello = "retry: 1000\n" + LiveReload.Event.hello(version: site.status.version).wireText
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: hello))
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.wireText))
            }
            try await writer.finish(nil)
        })
    }
}
