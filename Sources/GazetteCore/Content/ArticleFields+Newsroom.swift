import Foundation
import Yams

/// The newsroom fields of front matter: bylines, old URLs and corrections.
extension ArticleFields {
    /// `author: Name` or `author: [Name, Name]`. A single text is one name, commas and all
    /// (`author: "Khan, Ayesha"`): lists are written as lists.
    mutating func readAuthors(_ node: Node, field: String) -> [String] {
        let names: [String]
        switch node {
        case .sequence:
            names = reader.stringList(node, field: field) ?? []
        case .scalar:
            names = reader.string(node, field: field).map { [$0] } ?? []
        default:
            reader.error("'\(field)' must be a name or a list of names, not \(YAMLReader.kind(of: node))", at: node)
            return []
        }
        var seen: Set<String> = []
        var result: [String] = []
        for name in names.map({ $0.trimmingBlanks() }) where !name.isEmpty {
            let slug = Slug.make(name)
            guard !slug.isEmpty else {
                reader.error("author '\(name)' has no letters or digits to make a URL from", at: node)
                continue
            }
            if seen.insert(slug).inserted { result.append(name) }
        }
        return result
    }

    /// `aliases: [/old/path/, /2019/story.html]`: each refused with its own position when it is not a plain site path.
    mutating func readAliases(_ node: Node) -> [Route] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar where node.null == nil: items = [node]
        case .scalar: return []
        default:
            reader.error("'aliases' must be a list of paths such as [/old/path/], not \(YAMLReader.kind(of: node))", at: node)
            return []
        }
        var routes: [Route] = []
        for item in items {
            guard case .scalar = item, let text = reader.string(item, field: "aliases") else {
                reader.error("each item of 'aliases' must be a path such as /old/path/, not \(YAMLReader.kind(of: item))", at: item)
                continue
            }
            switch AliasPath.parse(text) {
            case .success(let route): if !routes.contains(route) { routes.append(route) }
            case .failure(let problem): reader.error(problem.message, at: item)
            }
        }
        return routes
    }

    /// `corrections:` a list of `{date: ..., text: ...}`, returned oldest first.
    mutating func readCorrections(_ node: Node) -> [Correction] {
        guard case .sequence(let sequence) = node else {
            if node.null != nil { return [] }
            reader.error("'corrections' must be a list of {date: ..., text: ...}, not \(YAMLReader.kind(of: node))", at: node)
            return []
        }
        var corrections: [Correction] = []
        for item in sequence {
            guard case .mapping(let mapping) = item else {
                reader.error("each correction must be a mapping with 'date' and 'text', not \(YAMLReader.kind(of: item))", at: item)
                continue
            }
            var date: Date?, text: String?
            var hasDate = false, hasText = false
            for (keyNode, value) in mapping {
                switch keyNode.string ?? "" {
                case "date":
                    hasDate = true
                    date = readDate(value, field: "corrections.date")
                case "text":
                    hasText = true
                    text = reader.string(value, field: "corrections.text")?.trimmingBlanks()
                    if text?.isEmpty ?? true { reader.error("a correction's 'text' is empty", at: value) }
                default:
                    reader.warning("unknown key 'corrections.\(keyNode.string ?? "")' is ignored", at: keyNode)
                }
            }
            if !hasDate { reader.error("a correction needs a 'date'", at: item) }
            if !hasText { reader.error("a correction needs a 'text'", at: item) }
            if let date, let text, !text.isEmpty { corrections.append(Correction(date: date, text: text)) }
        }
        return corrections.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
