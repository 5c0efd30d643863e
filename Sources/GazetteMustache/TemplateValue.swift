/// A value that a template renders: the tree a view model is turned into.
///
/// Sections, inverted sections and interpolations look names up in a stack of these values.
/// Truthiness (see ``isTruthy``): `null`, `false`, the empty list and the empty string are
/// falsey; everything else, including `0`, `0.0` and the empty object, is truthy.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A value whose keys are computed on demand, for view models that should not be
    /// converted to a dictionary up front.
    case custom(any TemplateObject)
}

/// An object whose keys a template can look up, computed lazily.
///
/// Conform view models to this protocol to avoid building `[String: TemplateValue]`
/// dictionaries for fields a template may never read. Conformers are classes: a value holding one
/// is then copied with one retain, where a struct in an existential box is copied through its
/// value witnesses, and templates copy values at every lookup.
public protocol TemplateObject: AnyObject, Sendable {
    /// The value for `key`, or nil when this object has no such key (lookup then continues up the context stack).
    func value(forKey key: String) -> TemplateValue?
}

extension TemplateValue {
    /// Whether a section renders for this value.
    ///
    /// `null`, `false`, the empty list and the empty string are falsey. The empty string is
    /// falsey by choice (the specification leaves it open): an unset optional text field
    /// such as a subtitle is usually an empty string, and `{{#subtitle}}…{{/subtitle}}` should
    /// then render nothing. Numbers are always truthy, `0` included.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .string(let value): !value.isEmpty
        case .list(let items): !items.isEmpty
        case .int, .double, .object, .custom: true
        }
    }

    /// The value for `key` when this value is an object, nil otherwise.
    ///
    /// Only objects and custom objects have keys; looking a key up in a list, a string or a
    /// number finds nothing.
    public func value(forKey key: String) -> TemplateValue? {
        switch self {
        case .object(let fields): fields[key]
        case .custom(let object): object.value(forKey: key)
        default: nil
        }
    }
}
