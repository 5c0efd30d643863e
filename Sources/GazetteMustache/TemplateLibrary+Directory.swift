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
        var files: [TemplateFile] = []
        for path in relativePaths.sorted() where Self.isTemplate(path) {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append(TemplateFile(path: path, contents: FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }))
        }
        try self.init(files: files, displayPath: prefix)
    }

    /// A template's file, read by the caller: its path relative to the templates' folder
    /// (`partials/header.mustache`) and its bytes, nil when it could not be read.
    public struct TemplateFile: Sendable {
        public var path: String
        public var contents: [UInt8]?

        public init(path: String, contents: [UInt8]?) {
            self.path = path
            self.contents = contents
        }
    }

    /// Compiles templates that the caller read (for one that also hashes them, say, without reading
    /// them twice); names and errors as `init(directory:displayPath:)`.
    public init(files: [TemplateFile], displayPath prefix: String) throws(TemplateErrors) {
        var sources: [TemplateCompiler.Source] = []
        var errors: [TemplateError] = []
        for templateFile in files {
            let file = prefix.isEmpty ? templateFile.path : "\(prefix)/\(templateFile.path)"
            let name = String(templateFile.path.dropLast(".mustache".count))
            var text = ""
            if let contents = templateFile.contents {
                // A byte order mark is not part of the text (as Foundation's UTF-8 decoding has it).
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if let decoded = String(validating: contents.starts(with: bom) ? contents.dropFirst(3) : contents[...], as: UTF8.self) {
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
