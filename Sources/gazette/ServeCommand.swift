import ArgumentParser
import Foundation
import GazetteCore
import GazetteServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory and serve it; rebuild on save and reload the browser.",
        discussion: """
        Nothing is written to the output folder, and --base-url is replaced by the server's own address. \
        Build errors are shown over every page until they are fixed.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on (loopback unless asked otherwise).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Flag(help: "Watch the sources by polling instead of inotify (for network mounts).")
    var poll = false

    func validate() throws {
        if site.output != nil || site.baseURL != nil {
            throw ValidationError("serve builds into memory at its own address: --output and --base-url do not apply")
        }
    }

    func run() async throws {
        let options = try site.buildOptions()
        var configuration = PreviewServer.Configuration(options: options)
        configuration.now = site.now == nil ? nil : options.now
        configuration.host = host
        configuration.port = port
        configuration.pollInterval = poll ? .milliseconds(250) : nil
        let server = PreviewServer(configuration, log: { message in
            let handle = message.isProblem ? FileHandle.standardError : FileHandle.standardOutput
            handle.write(Data((message.text + "\n").utf8))
        })
        do {
            try await server.runUntilStopped()
        } catch let error as PreviewError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
