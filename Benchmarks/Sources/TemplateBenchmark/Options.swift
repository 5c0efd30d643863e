/// Command-line options: `TemplateBenchmark [--templates DIR] [--iterations N] [--rounds N] [--engine gazette|swift-mustache|both]`.
struct Options {
    enum Engine: String {
        case gazette, swiftMustache = "swift-mustache", both
    }

    /// The theme's folder; default: Templates/ of the checkout this package sits in.
    var templates: String
    /// Renders per round.
    var iterations = 10_000
    var rounds = 5
    /// One engine alone is handy under a profiler.
    var engine = Engine.both

    static let usage = "usage: TemplateBenchmark [--templates DIR] [--iterations N] [--rounds N] [--engine gazette|swift-mustache|both]"

    init(arguments: [String]) throws(UsageError) {
        // Benchmarks/Sources/TemplateBenchmark/Options.swift -> Templates/
        let checkout = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
        templates = checkout + "/Templates"
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
            switch flag {
            case "--templates": templates = value
            case "--iterations": iterations = try Self.count(value, for: flag)
            case "--rounds": rounds = try Self.count(value, for: flag)
            case "--engine":
                guard let engine = Engine(rawValue: value) else { throw UsageError(message: "unknown engine '\(value)'") }
                self.engine = engine
            default: throw UsageError(message: "unknown option '\(flag)'")
            }
        }
    }

    private static func count(_ text: String, for flag: String) throws(UsageError) -> Int {
        guard let value = Int(text), value > 0 else { throw UsageError(message: "\(flag) needs a positive number") }
        return value
    }

    struct UsageError: Error {
        var message: String
    }
}
