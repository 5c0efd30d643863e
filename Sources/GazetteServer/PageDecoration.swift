/// What the server adds to each HTML page it sends (never to the files `gazette build` writes): the live
/// reload script, and the error overlay while the last rebuild failed.
///
/// Both go just before the last `</body>`, or at the end of a page that has none.
struct PageDecoration: Sendable {
    /// The build the page comes from: the script reloads when the server has a newer one.
    var version: Int
    var overlay: ErrorOverlay?

    /// `html` with the overlay and the script put in.
    func apply(to html: [UInt8]) -> [UInt8] {
        var snippet = ""
        if let overlay { snippet += overlay.html }
        snippet += script
        let insertAt = Self.lastBodyClose(in: html) ?? html.count
        var out: [UInt8] = []
        out.reserveCapacity(html.count + snippet.utf8.count)
        out.append(contentsOf: html[..<insertAt])
        out.append(contentsOf: snippet.utf8)
        out.append(contentsOf: html[insertAt...])
        return out
    }

    /// A small script: an `EventSource` on `/_gazette/events` that reloads the page, or draws the overlay.
    var script: String {
        """
        <script id="gazette-live-reload">(() => {
          let version = \(version);
          const box = (lines) => {
            let el = document.getElementById("\(ErrorOverlay.elementID)");
            if (!el) { el = document.createElement("div"); el.id = "\(ErrorOverlay.elementID)"; el.setAttribute("role", "alert"); document.body.appendChild(el); }
            el.setAttribute("style", "\(ErrorOverlay.boxStyle)");
            el.textContent = "";
            const h = document.createElement("strong"); h.setAttribute("style", "\(ErrorOverlay.headingStyle)"); h.textContent = "\(ErrorOverlay.heading)";
            const pre = document.createElement("pre"); pre.setAttribute("style", "\(ErrorOverlay.preStyle)"); pre.textContent = lines.join("\\n");
            const note = document.createElement("small"); note.textContent = "\(ErrorOverlay.note)";
            el.append(h, pre, note);
          };
          const events = new EventSource("\(LiveReload.path)");
          events.addEventListener("hello", (e) => { if (Number(e.data) !== version) location.reload(); });
          events.addEventListener("reload", (e) => { if (Number(e.data) !== version) location.reload(); });
          events.addEventListener("failed", (e) => { const r = JSON.parse(e.data); version = r.version; box(r.lines); });
        })();</script>
        """
    }

    /// Where the last `</body>` starts (any letter case), or nil.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var i = html.count - tag.count
        while i >= 0 {
            if html[i] == UInt8(ascii: "<") {
                var match = true
                for k in 1..<tag.count where html[i + k] | 0x20 != tag[k] | 0x20 {
                    match = false
                    break
                }
                if match { return i }
            }
            i -= 1
        }
        return nil
    }
}
