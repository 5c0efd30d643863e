import ArgumentParser
import GazetteCore

@main
struct Gazette: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A static site generator for news archives.",
        version: GazetteVersion.current,
        subcommands: [BuildCommand.self, NewCommand.self, ImportCommand.self, CheckCommand.self, RenderCommand.self]
    )
}
