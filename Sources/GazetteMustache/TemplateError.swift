/// A problem in a template, located like a compiler diagnostic.
///
/// Printed as `file:line:column: error: message`, with a 1-based line and column (counted in
/// Unicode scalars) pointing at the start of the offending tag. Errors that belong to no
/// position in a file (an unreadable directory, an unknown template name) have line and
/// column 0 and print as `file: error: message`.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's file name as shown to the user, e.g. `Templates/article.mustache`.
    public var file: String
    /// The 1-based line of the tag, or 0 when the error has no position.
    public var line: Int
    /// The 1-based column of the tag, or 0 when the error has no position.
    public var column: Int
    /// What went wrong, without the location.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}

/// Every error found while compiling a set of templates.
///
/// Compiling a library does not stop at the first bad file: each file is compiled and all
/// errors are reported together, ordered by file and position.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]

    public init(errors: [TemplateError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
