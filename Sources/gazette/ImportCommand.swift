import ArgumentParser
import Foundation
import GazetteCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn plain-text article dumps into article files, one per article.",
        discussion: """
        Each article becomes INTO/YYYY/<slug>.md with its title, date, highlights, dateline, image caption \
        and credit, and body. Lines that fit nowhere are reported with their file and line. An existing \
        file is never overwritten.
        """
    )

    @Argument(help: "The dumps to read.")
    var files: [String]

    @Option(help: "The content folder the articles go into.")
    var into: String = "Content"

    @Option(help: "Topics to give every imported article, separated by commas.")
    var topics: String?

    func run() throws {
        let paths = DisplayPaths()
        let topics = (topics ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let importer = WireImporter(destination: URL(fileURLWithPath: into), paths: paths, topics: topics)
        let result = importer.run(files.map { URL(fileURLWithPath: $0) })
        for url in result.written { print(paths.display(url)) }
        Terminal.print(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode.failure }
    }
}
