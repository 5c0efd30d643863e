import Foundation

extension TemplateLibrary {
    /// Loads every `*.mustache` file under `directory` (recursively); a template's name is its path relative
    /// to the folder without the extension, with `/` separators ("article", "partials/header").
    /// `displayPath` prefixes file names in errors (e.g. "Templates"), default: directory.path.
    ///
    /// Hidden files and folders (names starting with `.`) are skipped.
    ///
    /// - Parameters:
    ///   - directory: The folder holding the templates.
    ///   - displayPath: Shown instead of `directory.path` in front of file names in errors.
    /// - Throws: ``TemplateErrors`` with every error of every template, or a single error when
    ///   the folder or a file cannot be read.
    public init(directory: URL, displayPath: String? = nil) throws(TemplateErrors) {
        let prefix = displayPath ?? directory.path
        let relativePaths: [String]
        do {
            relativePaths = try FileManager.default.subpathsOfDirectory(atPath: directory.path)
        } catch {
            throw TemplateErrors(errors: [
                TemplateError(file: prefix, line: 0, column: 0, message: "cannot read template directory")
            ])
        }
        var sources: [TemplateCompiler.Source] = []
        var errors: [TemplateError] = []
        for path in relativePaths.sorted() where Self.isTemplate(path) {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let file = prefix.isEmpty ? path : "\(prefix)/\(path)"
            let name = String(path.dropLast(".mustache".count))
            var text = ""
            if let data = FileManager.default.contents(atPath: url.path) {
                if let decoded = String(data: data, encoding: .utf8) {
                    text = decoded
                } else {
                    errors.append(TemplateError(file: file, line: 0, column: 0, message: "template file is not valid UTF-8"))
                }
            } else {
                errors.append(TemplateError(file: file, line: 0, column: 0, message: "cannot read template file"))
            }
            // An unreadable file still defines its name, so that templates including it do
            // not also report an unknown partial.
            sources.append(TemplateCompiler.Source(name: name, file: file, text: text))
        }
        var storage: Storage?
        do throws(TemplateErrors) {
            storage = try TemplateCompiler.compileLibrary(sources)
        } catch {
            errors += error.errors
        }
        guard errors.isEmpty, let storage else {
            throw TemplateErrors(errors: errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) })
        }
        self.init(storage: storage)
    }

    private static func isTemplate(_ relativePath: String) -> Bool {
        relativePath.hasSuffix(".mustache") && !relativePath.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
