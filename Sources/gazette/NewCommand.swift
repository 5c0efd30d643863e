import ArgumentParser
import Foundation
import GazetteCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an article file, Content/YYYY/<slug>.md, dated now in the site's time zone.",
        discussion: "An existing file is never overwritten."
    )

    @Argument(help: "The headline.")
    var title: String

    @Option(help: "Topics, separated by commas (--topics Pakistan,Economy).")
    var topics: String?

    @Option(help: "The site's folder, with site.yml and Content/.")
    var site: String = "."

    func run() throws {
        let options = BuildOptions(site: URL(fileURLWithPath: site))
        let article = NewArticle(title: title, topics: topics?.split(separator: ",").map(String.init) ?? [])
        switch article.create(in: options.content, now: Date(), timeZone: options.siteTimeZone, paths: DisplayPaths()) {
        case .success(let url):
            print(DisplayPaths().display(url))
        case .failure(let problem):
            Terminal.print([problem])
            throw ExitCode.failure
        }
    }
}
