/// Times the stages of a build.
struct StageClock {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now

    mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = ContinuousClock.now
        report.stages.append((name, Self.seconds(now - last)))
        last = now
    }

    var total: Double { Self.seconds(ContinuousClock.now - start) }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Where a build is: the stage, and how many of its items are done.
public struct BuildProgress: Sendable {
    public var stage: String
    public var done: Int
    public var total: Int
}
