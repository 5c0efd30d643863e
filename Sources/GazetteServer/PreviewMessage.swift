import GazetteCore

/// One thing the server reports: its address, a rebuild, a failure with its diagnostics.
public struct PreviewMessage: Sendable {
    public var text: String
    /// A failed build (for standard error).
    public var isProblem = false
    /// For a rebuild that changed the site: the time from the first change seen to the event sent.
    public var saveToReload: Duration?

    public init(_ text: String, isProblem: Bool = false) {
        self.text = text
        self.isProblem = isProblem
    }

    /// What a build did: its summary (the first build) or what changed (a rebuild), then its warnings or errors.
    ///
    /// - Parameters:
    ///   - cause: what set off a rebuild (`Content/x.md changed`); nil for the first build.
    ///   - told: how many pages were told, and how long after the first change; nil when none was.
    init(_ outcome: PreviewSite.Outcome, cause: String?, told: (pages: Int, after: Duration)?) {
        let prefix = cause.map { $0 + ". " } ?? ""
        let suffix = told.map { "; \(Self.count($0.pages, "page")) told \(Self.milliseconds($0.after)) after the save" } ?? ""
        saveToReload = told?.after
        switch outcome {
        case .built(let report, let changed):
            var line = prefix
            if cause == nil {
                line += report.summary
            } else if !changed {
                line += "Nothing to reload"
            } else {
                line += "Rebuilt in \(Self.milliseconds(.seconds(report.seconds))): \(Self.count(report.rendered, "page")) rendered, "
                    + "\(Self.count(report.written, "file")) changed, \(report.removed) removed"
            }
            text = (report.diagnostics.map(\.description) + [line + suffix]).joined(separator: "\n")
        case .failed(let diagnostics, _):
            let served = cause == nil ? "every page shows the errors until they are fixed" : "serving the last good build, with the errors over every page"
            let line = prefix + "Build failed; " + served + suffix
            text = ([line] + diagnostics.map(\.description)).joined(separator: "\n")
            isProblem = true
        }
    }

    /// `Content/x.md changed` (or `3 files changed`).
    static func changed(_ changed: Set<String>, paths: DisplayPaths) -> String {
        guard changed.count == 1, let only = changed.first else { return "\(changed.count) files changed" }
        return "\(paths.display(path: only)) changed"
    }

    /// `1 page`, `3 pages`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    static func milliseconds(_ duration: Duration) -> String {
        "\(Int((duration.seconds * 1000).rounded())) ms"
    }
}
