import Foundation
import GazetteCore
import GazetteMustache

/// The diagnostics of a failed rebuild, shown over every page until a rebuild succeeds.
///
/// Rendered into HTML by the server (every page loaded while the build is broken) and sent as JSON in the
/// `failed` event (pages already open draw the same box with `textContent`). All text is escaped.
struct ErrorOverlay: Sendable, Equatable {
    var diagnostics: [Diagnostic]

    static let elementID = "gazette-overlay"
    static let heading = "Gazette: the build failed"
    static let note = "The last good build is shown below. This box goes away when the error is fixed."

    /// One line per diagnostic, as the command line prints them: `Content/x.md:3:7: error: message`.
    var lines: [String] { diagnostics.map(\.description) }

    var html: String {
        var html = "<div id=\"\(Self.elementID)\" role=\"alert\" style=\"\(Self.boxStyle)\">"
        html += "<strong style=\"\(Self.headingStyle)\">\(HTMLEscape.escape(Self.heading))</strong>"
        html += "<pre style=\"\(Self.preStyle)\">\(HTMLEscape.escape(lines.joined(separator: "\n")))</pre>"
        html += "<small>\(HTMLEscape.escape(Self.note))</small></div>"
        return html
    }

    /// `{"lines":["…"],"version":3}`: what the page's script needs to draw the box (an event's data, not
    /// a script: no escaping for `<script>`).
    func json(version: Int) -> String {
        JSONValue.object([("lines", .array(lines.map { .string($0) })), ("version", .int(version))]).serialized(scriptSafe: false)
    }

    static let boxStyle = "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;"
        + "margin:0;padding:16px 20px;background:#2b0d0d;color:#ffd7d7;border-bottom:4px solid #e5484d;"
        + "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 4px 24px rgba(0,0,0,.4)"
    static let headingStyle = "display:block;font-size:16px;color:#fff;margin-bottom:8px"
    static let preStyle = "margin:0 0 8px;white-space:pre-wrap;word-break:break-word;font:inherit"
}
