// Renders the default theme's article page with Gazette's template engine and with
// swift-mustache, checks that both produce the same page, then times each engine.
import Foundation
import GazetteMustache
import Mustache

let options: Options
if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
    print(Options.usage)
    exit(0)
}
do {
    options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    print("error: \(error.message)\n\(Options.usage)")
    exit(2)
}

// Compile once each.
let data = ArticlePage.data()
let value = TemplateValue(any: data)
let gazette: TemplateLibrary
let mustache: MustacheLibrary
do {
    gazette = try TemplateLibrary(directory: URL(fileURLWithPath: options.templates))
    mustache = try await MustacheLibrary(directory: options.templates)
} catch {
    print("error: cannot load the theme from \(options.templates): \(error)")
    exit(1)
}
guard mustache.getTemplate(named: "article") != nil else {
    print("error: no article.mustache in \(options.templates)")
    exit(1)
}

// The same page from both, before any timing.
let ours = try gazette.render("article", value)
let theirs = mustache.render(data, withTemplate: "article") ?? ""
let differences = OutputComparison(ours, theirs)
print("Article page: \(Measurement.grouped(ours.utf8.count)) bytes (content \(Measurement.grouped(ArticlePage.body.utf8.count)) bytes); "
    + (differences.isEmpty ? "both engines render identical output." : "outputs differ:\n\(differences.report)"))
guard differences.isEmpty else { exit(1) }

/// Sums the output sizes, printed at the end, so that no render can be optimised away.
var checksum = 0
var buffer: [UInt8] = []
buffer.reserveCapacity(ours.utf8.count * 2)

struct Contender {
    var name: String
    var api: String
    var engine: Options.Engine
    var render: () throws -> Void
}

let contenders = [
    Contender(name: "Gazette", api: "render(_:_:into:), reused [UInt8]", engine: .gazette) {
        buffer.removeAll(keepingCapacity: true)
        try gazette.render("article", value, into: &buffer)
        checksum &+= buffer.count
    },
    Contender(name: "Gazette", api: "render(_:_:) -> String", engine: .gazette) {
        checksum &+= try gazette.render("article", value).utf8.count
    },
    Contender(name: "swift-mustache 2.1.1", api: "render(_:withTemplate:) -> String", engine: .swiftMustache) {
        checksum &+= mustache.render(data, withTemplate: "article")?.utf8.count ?? 0
    },
].filter { options.engine == .both || options.engine == $0.engine }

func run(_ contender: Contender, _ iterations: Int) throws -> Double {
    var failure: (any Error)?
    let seconds = Measurement.seconds {
        do {
            for _ in 0..<iterations { try contender.render() }
        } catch {
            failure = error
        }
    }
    if let failure { throw failure }
    return seconds
}

print("\(options.rounds) rounds of \(Measurement.grouped(options.iterations)) renders per engine, after a warm-up of \(Measurement.grouped(max(options.iterations / 10, 1))).")
for contender in contenders { _ = try run(contender, max(options.iterations / 10, 1)) }

// Rounds alternate between the engines, so that a slow spell of the machine hits all of them.
var times = Array(repeating: [Double](), count: contenders.count)
for round in 1...options.rounds {
    var line = "round \(round):"
    for (index, contender) in contenders.enumerated() {
        let seconds = try run(contender, options.iterations)
        times[index].append(seconds)
        line += "  \(contender.name) \(contender.api.split(separator: ",")[0]) \(Measurement.format(seconds: seconds))"
    }
    print(line)
}

print("")
print("| engine | API | median per \(Measurement.grouped(options.iterations)) pages | per page | pages/s |")
print("| --- | --- | ---: | ---: | ---: |")
let medians = times.map(Measurement.median)
for (contender, median) in zip(contenders, medians) {
    let perPage = median / Double(options.iterations) * 1e6
    let rate = Int((Double(options.iterations) / median).rounded())
    print("| \(contender.name) | `\(contender.api)` | \(Measurement.format(seconds: median)) | \(Measurement.fixed(perPage, 1)) µs | \(Measurement.grouped(rate)) |")
}
if options.engine == .both, let theirs = medians.last {
    print("")
    print("swift-mustache / Gazette (bytes): \(Measurement.fixed(theirs / medians[0], 2))×")
    print("swift-mustache / Gazette (String): \(Measurement.fixed(theirs / medians[1], 2))×")
}
print("(\(Measurement.grouped(checksum / 1_000_000)) MB rendered in all)")
