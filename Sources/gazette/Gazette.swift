import ArgumentParser
import GazetteCore

@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A static site generator for news archives.",
        version: GazetteVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self, CheckCommand.self, RenderCommand.self]
    )
}
