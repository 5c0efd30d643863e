import GazetteMustache

/// Renders `template` (named "test") with `partials` beside it in one library.
func render(_ template: String, _ value: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
    var templates = partials
    templates["test"] = template
    return try TemplateLibrary(templates: templates).render("test", value)
}

/// The compile errors of a library, as printed ("file:line:column: error: message").
func compileErrors(_ templates: [String: String]) -> [String] {
    do {
        _ = try TemplateLibrary(templates: templates)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// A lazily computed object, standing in for a view model.
final class Person: TemplateObject {
    let first: String
    let last: String

    init(first: String, last: String) {
        self.first = first
        self.last = last
    }

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "first": .string(first)
        case "last": .string(last)
        case "full": .string("\(first) \(last)")
        default: nil
        }
    }
}
