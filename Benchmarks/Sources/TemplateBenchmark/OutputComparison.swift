/// The lines where two renders of the same page differ.
struct OutputComparison {
    /// (line number, ours, theirs), at most `limit` of them.
    var differences: [(line: Int, ours: String, theirs: String)] = []
    var lineCounts: (ours: Int, theirs: Int)

    init(_ ours: String, _ theirs: String, limit: Int = 10) {
        let oursLines = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let theirsLines = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        lineCounts = (oursLines.count, theirsLines.count)
        for index in 0..<max(oursLines.count, theirsLines.count) where differences.count < limit {
            let a = index < oursLines.count ? String(oursLines[index]) : "<none>"
            let b = index < theirsLines.count ? String(theirsLines[index]) : "<none>"
            if a != b { differences.append((index + 1, a, b)) }
        }
    }

    var isEmpty: Bool { differences.isEmpty }

    var report: String {
        var text = "  lines: Gazette \(lineCounts.ours), swift-mustache \(lineCounts.theirs)\n"
        for difference in differences {
            text += "  line \(difference.line):\n    Gazette:        \(difference.ours.debugDescription)\n"
                + "    swift-mustache: \(difference.theirs.debugDescription)\n"
        }
        return text
    }
}
