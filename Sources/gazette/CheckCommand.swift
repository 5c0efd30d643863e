import ArgumentParser
import Foundation
import GazetteCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site in memory and check every internal link and anchor of every page and feed.",
        discussion: "Prints 'page: broken link 'URL' (reason)' for each broken one and exits with status 1 when there are any."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Print only broken links, warnings and errors.")
    var quiet = false

    func run() throws {
        let options = try site.buildOptions()
        do {
            let (build, report) = try SiteCheck.run(options)
            Terminal.print(build.diagnostics)
            for broken in report.broken { print(broken) }
            if !quiet || !report.broken.isEmpty { print(report.summary) }
            if !report.broken.isEmpty { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            Terminal.print(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
