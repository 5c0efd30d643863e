/// Compiles template sources: lexing, the standalone-line pass, then parsing.
///
/// Every source is compiled even after another has failed, so a library reports all its
/// errors at once.
enum TemplateCompiler {
    struct Source {
        var name: String
        var file: String
        var text: String
    }

    static func compileLibrary(_ sources: [Source]) throws(TemplateErrors) -> TemplateLibrary.Storage {
        let names = sources.map(\.name)
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var blocks = BlockNames()
        var programs: [Template.Program] = []
        var errors: [TemplateError] = []
        for source in sources {
            let compiled = compile(source, templates: index, blocks: &blocks)
            errors += compiled.errors
            if let program = compiled.program { programs.append(program) }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        return TemplateLibrary.Storage(names: names, index: index, programs: programs, blocks: blocks)
    }

    static func compile(_ source: Source, templates: [String: Int], blocks: inout BlockNames) -> (program: Template.Program?, errors: [TemplateError]) {
        let bytes = Array(source.text.utf8)
        var lexer = Template.Lexer(source: bytes)
        lexer.run()
        var tokens = lexer.tokens
        Template.Whitespace.apply(to: &tokens, source: bytes)
        let lines = SourceLines(bytes)
        var parser = Template.Parser(source: bytes, lines: lines, templates: templates, blocks: blocks)
        parser.parse(tokens)
        blocks = parser.blocks
        let problems = (lexer.problems + parser.problems).sorted { $0.offset < $1.offset }
        let errors = problems.map { problem in
            let (line, column) = lines.position(of: problem.offset)
            return TemplateError(file: source.file, line: line, column: column, message: problem.message)
        }
        return (errors.isEmpty ? parser.program(name: source.name, file: source.file) : nil, errors)
    }
}
