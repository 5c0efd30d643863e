import ArgumentParser
import Foundation
import GazetteCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into its output folder.",
        discussion: "Only what changed since the last build is rendered and written; the cache is in SITE/.gazette/."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Remove every file the last build wrote, then build from scratch.")
    var clean = false

    @Flag(help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(help: "Print the time each stage took.")
    var timings = false

    func run() throws {
        let options = try site.buildOptions()
        var builder = Builder(options: options)
        let progress = ProgressLine(enabled: !quiet)
        builder.progress = { progress.show($0) }
        let clock = ContinuousClock()
        let sink = DiskSink(root: options.output)
        let previous = BuildState.Loading(from: options.cacheFile, output: sink)
        let interruption = Interruption(marker: options.cacheFile.appendingPathExtension("building"), sink: sink)
        defer { interruption.finish() }
        do {
            let (report, next) = try builder.build(into: sink, loading: previous, clean: clean)
            // The state and what the build made on its way are large and the process ends next: freeing
            // them entry by entry takes longer than the exit.
            keptUntilExit = [next, report.leftovers as Any, previous]
            progress.finish()
            let start = clock.now
            // An unchanged build that read no file has nothing new to save (and may not have read the records).
            if report.savesState {
                do {
                    try next.save(to: options.cacheFile)
                } catch {
                    Terminal.print([.warning("cannot save the build cache (\(error.localizedDescription)); the next build will be a full one",
                                             in: DisplayPaths().display(options.cacheFile))])
                }
            }
            let cacheWrite = clock.now - start
            Terminal.print(report.diagnostics)
            if timings {
                // The cache is read while the build reads its settings, theme and content folder: it has no time of its own.
                let stages = report.stages.map { ($0.name, $0.seconds) } + [("cache write", cacheWrite.seconds)]
                for (name, seconds) in stages { print("\(name): \(String(format: "%.3f", seconds)) s") }
            }
            if !quiet { print(report.summary) }
        } catch {
            // Ctrl-C made the build's writes fail: its handler is removing the files and ends the process.
            if sink.isCancelled { interruption.waitForTheEnd() }
            progress.finish()
            Terminal.print(error.diagnostics)
            throw ExitCode.failure
        }
        if interruption.wasInterrupted {
            FileHandle.standardError.write(Data("\ninterrupted: the new output was already in place\n".utf8))
            throw ExitCode(130)
        }
    }
}

nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// The folders and switches that `build`, `serve` and `check` share.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site's folder, with site.yml, Content/ and Templates/.")
    var site: String = "."

    @Option(help: "The articles' folder (default: SITE/Content).")
    var content: String?

    @Option(help: "The theme's folder (default: SITE/Templates).")
    var templates: String?

    @Option(help: "Where the site is written (default: SITE/Output).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Overrides base_url from site.yml.")
    var baseURL: String?

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(help: "Include articles dated after now.")
    var future = false

    @Option(help: ArgumentHelp("The build's time instead of the clock's: what counts as a future article, and the news sitemap's last 48 hours.",
                               valueName: "date-time"))
    var now: String?

    func buildOptions() throws -> BuildOptions {
        var options = BuildOptions(site: URL(fileURLWithPath: site))
        if let content { options.content = URL(fileURLWithPath: content).standardizedFileURL }
        if let templates { options.templates = URL(fileURLWithPath: templates).standardizedFileURL }
        if let output { options.output = URL(fileURLWithPath: output).standardizedFileURL }
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.includeFuture = future
        if let now, let problem = options.setNow(now) {
            throw ValidationError("--now: \(problem)")
        }
        return options
    }
}
