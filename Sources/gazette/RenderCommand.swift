import ArgumentParser
import Foundation
import GazetteCore
import GazetteMustache

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one template against a JSON or YAML data file and print the result exactly."
    )

    @Argument(help: "The template file (.mustache).")
    var template: String

    @Option(help: "The data: a .json file, or YAML.")
    var data: String

    @Option(help: "Where {{> name}} finds name.mustache (default: the template's folder).")
    var partials: String?

    func run() throws {
        let paths = DisplayPaths()
        let templateURL = URL(fileURLWithPath: template)
        let partialsURL = partials.map { URL(fileURLWithPath: $0) } ?? templateURL.deletingLastPathComponent()
        guard let source = try? String(contentsOf: templateURL, encoding: .utf8) else {
            Terminal.print([.error("cannot read template (missing, or not UTF-8 text)", in: template)])
            throw ExitCode.failure
        }
        do {
            let value = try DataFile.load(URL(fileURLWithPath: data), displayPath: data)
            let library = try TemplateLibrary(directory: partialsURL, displayPath: paths.display(partialsURL))
            let compiled = try library.compile(source, file: template)
            var output: [UInt8] = []
            try compiled.render(value, into: &output)
            FileHandle.standardOutput.write(Data(output))
        } catch let failure as BuildFailure {
            Terminal.print(failure.diagnostics)
            throw ExitCode.failure
        } catch let errors as TemplateErrors {
            FileHandle.standardError.write(Data((errors.description + "\n").utf8))
            throw ExitCode.failure
        } catch let error as TemplateError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
