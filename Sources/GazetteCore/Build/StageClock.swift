/// Times the stages of a build.
struct StageClock {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now

    mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = ContinuousClock.now
        report.stages.append((name, (now - last).seconds))
        last = now
    }

    var total: Double { (ContinuousClock.now - start).seconds }
}

/// Where a build is: the stage, and how many of its items are done.
public struct BuildProgress: Sendable {
    public var stage: String
    public var done: Int
    public var total: Int
}
