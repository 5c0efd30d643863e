import GazetteCore
import HTTPTypes
import Hummingbird

/// Answers every request from the build in memory: files, folders' `index.html`, redirects, the site's
/// `404.html`, and the live-reload event stream.
///
/// Only `GET` and `HEAD`. HTML is sent with the reload script (and the error overlay while the last rebuild
/// failed) put in; every `200` carries an `ETag` (a hash of the bytes sent) and answers a matching
/// `If-None-Match` with `304 Not Modified`. There are no folder listings, and nothing but the build's own
/// files is ever read: the request path is checked by `RequestPath` and then only looked up in memory.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: PreviewSite
    let reload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"], head: false)
        }
        let head = request.method == .head
        let path: RequestPath
        do {
            path = try RequestPath(target: request.head.path ?? "")
        } catch {
            return Self.plain(.badRequest, "Bad request path.\n", head: head)
        }
        if !path.isFolder, "/" + path.segments.joined(separator: "/") == LiveReload.path {
            return eventStream(head: head)
        }
        let key = path.fileKey
        if let bytes = site.sink.contents(of: key) {
            return file(bytes, path: key, request: request)
        }
        if !path.isFolder, !path.segments.isEmpty, site.sink.contents(of: key + "/index.html") != nil {
            return redirect(to: path.folderTarget, head: head)
        }
        return notFound(head: head)
    }

    /// A file of the build, decorated when it is HTML, with its `ETag`.
    private func file(_ bytes: [UInt8], path: String, request: Request) -> Response {
        let type = MediaTypes.contentType(of: path)
        let body = MediaTypes.isHTML(type) ? decoration.apply(to: bytes) : bytes
        let tag = ETag.of(body)
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff", .eTag: tag]
        if ETag.matches(request.headers[values: .ifNoneMatch], tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        return Response(status: .ok, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `404.html` from the build with status 404, or a short page when the build has none (yet).
    private func notFound(head: Bool) -> Response {
        let page = site.sink.contents(of: "404.html")
            ?? Array("<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>\n".utf8)
        let body = decoration.apply(to: page)
        return Response(status: .notFound,
                        headers: [.contentType: MediaTypes.html, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff",
                                  .contentLength: String(body.count)],
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func redirect(to location: String, head: Bool) -> Response {
        let body = "Moved to \(location)\n"
        return Response(status: .movedPermanently,
                        headers: [.location: location, .contentType: MediaTypes.plainText, .xContentTypeOptions: "nosniff",
                                  .contentLength: String(body.utf8.count)],
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private var decoration: PageDecoration {
        let status = site.status
        return PageDecoration(version: status.version, overlay: status.failure)
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:], head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: MediaTypes.plainText, .xContentTypeOptions: "nosniff", .contentLength: String(text.utf8.count)]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
