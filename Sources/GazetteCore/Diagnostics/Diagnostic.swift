/// A problem found in a site's files, printed the way a compiler prints one:
/// `Content/2025/x.md:3:7: error: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// The file's path as the user named it (relative to the working directory when possible).
    public var file: String
    /// 1-based line and column; 1:1 when the problem concerns the whole file.
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, in file: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ message: String, in file: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message)
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// The errors that stopped a build, all of them at once.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, so that output is stable across parallel runs.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }
}
