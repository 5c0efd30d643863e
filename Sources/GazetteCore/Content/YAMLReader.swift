import Foundation
import GazetteMustache
import Yams

/// Reads typed fields out of a YAML mapping and reports every wrong one as a diagnostic
/// at the field's own line and column in the file.
struct YAMLReader {
    let file: String
    /// Lines before the YAML text in its file (1 for front matter, after the opening `---`).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `text` into its root node, or records the YAML error at YAML's own position.
    mutating func parse(_ text: String) -> Node? {
        if let node = SimpleYAML.compose(text) { return node }
        do {
            // The encoding is named: Yams would otherwise read the environment for it on every call.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", in: file, line: lineOffset + 1))
        }
        return nil
    }

    mutating func error(_ message: String, at node: Node?) {
        let (line, column) = position(of: node)
        diagnostics.append(.error(message, in: file, line: line, column: column))
    }

    mutating func warning(_ message: String, at node: Node?) {
        let (line, column) = position(of: node)
        diagnostics.append(.warning(message, in: file, line: line, column: column))
    }

    func position(of node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (lineOffset + 1, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    // MARK: Typed fields

    /// A scalar as text; numbers and booleans count as text too (`title: 1984`).
    mutating func string(_ node: Node, field: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("'\(field)' must be text, not \(Self.kind(of: node))", at: node)
            return nil
        }
        if YAMLScalar(scalar).isNull { return nil }
        return scalar.string
    }

    mutating func bool(_ node: Node, field: String) -> Bool? {
        if case .bool(let value)? = YAMLScalar(node) { return value }
        error("'\(field)' must be true or false, not \(Self.describe(node))", at: node)
        return nil
    }

    mutating func positiveInt(_ node: Node, field: String) -> Int? {
        if case .int(let value)? = YAMLScalar(node), value > 0 { return value }
        error("'\(field)' must be a whole number above 0, not \(Self.describe(node))", at: node)
        return nil
    }

    /// A list of texts, or one comma-separated text (`topics: Pakistan, Security`).
    mutating func stringList(_ node: Node, field: String) -> [String]? {
        switch node {
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item, !YAMLScalar(scalar).isNull else {
                    error("each item of '\(field)' must be text, not \(Self.kind(of: item))", at: item)
                    continue
                }
                // Numbers and booleans count as text, as in `string`.
                items.append(scalar.string)
            }
            return items
        case .scalar(let scalar) where YAMLScalar(scalar) == .string(scalar.string):
            return scalar.string.split(separator: ",").map { $0.trimmingBlanks(andNewlines: false) }
                .filter { !$0.isEmpty }
        default:
            error("'\(field)' must be a list or a comma-separated text, not \(Self.describe(node))", at: node)
            return nil
        }
    }

    // MARK: Values for templates

    /// The most nodes one document may expand to: aliases can make a small file unbounded ("billion laughs").
    static let nodeBudget = 100_000

    /// Converts a node to a template value, refusing documents that expand past `nodeBudget`.
    mutating func templateValue(_ node: Node) -> TemplateValue? {
        var budget = Self.nodeBudget
        guard let value = Self.convert(node, budget: &budget) else {
            error("YAML expands to more than \(Self.nodeBudget) values (aliases nested too deep?)", at: node)
            return nil
        }
        return value
    }

    private static func convert(_ node: Node, budget: inout Int) -> TemplateValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            switch YAMLScalar(scalar) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .float(let value): return .double(value)
            case .string(let text): return .string(text)
            }
        case .sequence(let sequence):
            var items: [TemplateValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let value = convert(item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var object: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                guard let converted = convert(value, budget: &budget) else { return nil }
                object[key.string ?? "\(key)"] = converted
            }
            return .object(object)
        case .alias:
            return .null
        }
    }

    // MARK: Descriptions for messages

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return YAMLScalar(node)?.isNull == true ? "empty" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func describe(_ node: Node) -> String {
        guard case .scalar(let scalar) = node else { return kind(of: node) }
        switch YAMLScalar(scalar) {
        case .int, .float: return "the number \(scalar.string)"
        case .null: return "empty"
        case .bool: return scalar.string
        case .string: return "'\(scalar.string)'"
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(message, in: file, line: mark.line + lineOffset, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in YAML mapping", in: file,
                          line: context.mark.line + lineOffset, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", in: file, line: lineOffset + 1)
        default:
            return .error("invalid YAML: \(error)", in: file, line: lineOffset + 1)
        }
    }
}
