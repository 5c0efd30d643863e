/// Every template of a theme, parsed once; immutable and Sendable, render from many threads at once.
///
/// Partial (`{{> name}}`) and parent (`{{< name}}`) tags name other templates of the library;
/// they are resolved when the library is compiled, so an unknown name is a compile error at
/// its tag, and rendering never looks a template up by name.
public struct TemplateLibrary: Sendable {
    /// The compiled templates, shared by the library and every template compiled against it.
    final class Storage: Sendable {
        let names: [String]
        let index: [String: Int]
        let programs: [Template.Program]
        let blocks: BlockNames

        init(names: [String], index: [String: Int], programs: [Template.Program], blocks: BlockNames) {
            self.names = names
            self.index = index
            self.programs = programs
            self.blocks = blocks
        }
    }

    let storage: Storage

    /// From sources in memory: name -> template text; error file names are "<name>.mustache".
    ///
    /// - Parameter templates: Template sources by name; names may contain `/`.
    /// - Throws: ``TemplateErrors`` with every error of every template.
    public init(templates: [String: String]) throws(TemplateErrors) {
        let sources = templates.sorted { $0.key < $1.key }.map { name, text in
            TemplateCompiler.Source(name: name, file: "\(name).mustache", text: text)
        }
        storage = try TemplateCompiler.compileLibrary(sources)
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// The names of all templates, sorted.
    public var names: [String] { storage.names }

    /// Whether the library has a template called `name`.
    public func contains(_ name: String) -> Bool {
        storage.index[name] != nil
    }

    /// Compiles a template that is not part of the library (e.g. the `gazette render` command's file) against
    /// this library's partials; `file` names it in errors.
    ///
    /// - Parameters:
    ///   - source: The template text.
    ///   - file: The name shown in errors and in the recursion chain.
    /// - Throws: ``TemplateErrors`` with every error in `source`.
    public func compile(_ source: String, file: String) throws(TemplateErrors) -> Template {
        var blocks = storage.blocks
        let compiled = TemplateCompiler.compile(
            TemplateCompiler.Source(name: file, file: file, text: source), templates: storage.index, blocks: &blocks)
        guard let program = compiled.program else { throw TemplateErrors(errors: compiled.errors) }
        return Template(program: program, library: storage)
    }

    /// Renders the template called `name`.
    ///
    /// - Throws: A ``TemplateError`` when there is no such template, or when partials nest
    ///   deeper than the recursion limit (64), or sections, blocks and partials together deeper
    ///   than the nesting limit (512).
    public func render(_ name: String, _ value: TemplateValue) throws(TemplateError) -> String {
        try template(name).render(value)
    }

    /// Renders the template called `name`, appending UTF-8 to `buffer`.
    public func render(_ name: String, _ value: TemplateValue, into buffer: inout [UInt8]) throws(TemplateError) {
        try template(name).render(value, into: &buffer)
    }

    private func template(_ name: String) throws(TemplateError) -> Template {
        guard let index = storage.index[name] else {
            throw TemplateError(file: name, line: 0, column: 0, message: "unknown template '\(name)'")
        }
        return Template(program: storage.programs[index], library: storage)
    }
}
