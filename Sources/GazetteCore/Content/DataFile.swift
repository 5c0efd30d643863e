import Foundation
import GazetteMustache

/// A JSON or YAML file of values for a template (`gazette render --data`).
public enum DataFile {
    /// Reads `url` as JSON when it ends in `.json`, as YAML otherwise.
    public static func load(_ url: URL, displayPath: String) throws(BuildFailure) -> TemplateValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure([.error("cannot read data file", in: displayPath)])
        }
        if url.pathExtension.lowercased() == "json" {
            do {
                return TemplateValue(any: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
            } catch {
                throw BuildFailure([.error("invalid JSON: \(error.localizedDescription)", in: displayPath)])
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BuildFailure([.error("file is not UTF-8 text", in: displayPath)])
        }
        var reader = YAMLReader(file: displayPath)
        guard let root = reader.parse(text) else {
            if reader.diagnostics.isEmpty { return .null }
            throw BuildFailure(reader.diagnostics)
        }
        guard let value = reader.templateValue(root) else { throw BuildFailure(reader.diagnostics) }
        return value
    }
}
