/// A compiled template, ready to render any number of times from any thread.
///
/// Get one from ``TemplateLibrary/compile(_:file:)``; templates that belong to a library are
/// rendered by name with ``TemplateLibrary/render(_:_:)``. A template keeps the library it was
/// compiled against, for its partials and parents.
public struct Template: Sendable {
    let program: Program
    let library: TemplateLibrary.Storage

    init(program: Program, library: TemplateLibrary.Storage) {
        self.program = program
        self.library = library
    }

    /// Renders the template with `value` as the root of the context stack.
    ///
    /// - Parameter value: The data the template's names are looked up in.
    /// - Returns: The rendered text.
    /// - Throws: A ``TemplateError`` when partials nest deeper than the recursion limit (64), or
    ///   sections, blocks and partials together deeper than the nesting limit (512).
    public func render(_ value: TemplateValue) throws(TemplateError) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(program.bytes.count * 2)
        try render(value, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Renders the template, appending UTF-8 to `buffer`.
    ///
    /// - Parameters:
    ///   - value: The data the template's names are looked up in.
    ///   - buffer: Receives the output after its current contents; reuse one buffer across
    ///     renders to avoid reallocating.
    /// - Throws: A ``TemplateError`` when partials nest deeper than the recursion limit (64), or
    ///   sections, blocks and partials together deeper than the nesting limit (512);
    ///   `buffer` then holds the output up to the error.
    public func render(_ value: TemplateValue, into buffer: inout [UInt8]) throws(TemplateError) {
        var renderer = Renderer(library: library.programs, value: value, output: [])
        swap(&renderer.output, &buffer)
        defer { swap(&renderer.output, &buffer) }
        try renderer.render(program)
    }
}
