import Foundation

extension TemplateValue {
    /// Converts a plain Swift or Foundation value, such as the result of `JSONSerialization`.
    ///
    /// Understands `TemplateValue`, `String`, `Substring`, `Bool`, the integer and floating-point
    /// types, `NSNumber` (a JSON `true` or `false` stays a Bool), `NSNull`, optionals,
    /// `[String: Any]`, `[Any]` and `TemplateObject`. Anything else renders as its description.
    public init(any value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let value as String: self = .string(value)
        case let value as Substring: self = .string(String(value))
        case is NSNull: self = .null
        case let value as [String: Any]: self = .object(value.mapValues(TemplateValue.init(any:)))
        case let value as [Any]: self = .list(value.map(TemplateValue.init(any:)))
        case let value as any TemplateObject: self = .custom(value)
        default:
            if let number = Self.number(value) {
                self = number
            } else if let unwrapped = Self.unwrapOptional(value) {
                self = unwrapped
            } else {
                self = .string(String(describing: value))
            }
        }
    }

    /// Native numbers first: `as? NSNumber` would also accept them and lose the Bool/Int/Double
    /// distinction, and `as? Bool` accepts the NSNumber 1.
    private static func number(_ value: Any) -> TemplateValue? {
        let dynamicType = type(of: value)
        if dynamicType == Bool.self, let value = value as? Bool { return .bool(value) }
        if dynamicType == Int.self, let value = value as? Int { return .int(value) }
        if dynamicType == Double.self, let value = value as? Double { return .double(value) }
        if dynamicType is NSNumber.Type, let number = value as? NSNumber {
            return foundationNumber(number)
        }
        switch value {
        case let value as any BinaryInteger:
            return Int(exactly: value).map(TemplateValue.int) ?? .double(Double(value))
        case let value as any BinaryFloatingPoint:
            return .double(Double(value))
        default:
            return nil
        }
    }

    /// JSON booleans arrive as NSNumbers of type "c" (char); decimals as "d" or "f".
    private static func foundationNumber(_ number: NSNumber) -> TemplateValue {
        switch String(cString: number.objCType) {
        case "c", "B": return .bool(number.boolValue)
        case "d", "f": return .double(number.doubleValue)
        case "Q" where number.uint64Value > UInt64(Int.max): return .double(number.doubleValue)
        default: return .int(number.intValue)
        }
    }

    private static func unwrapOptional(_ value: Any) -> TemplateValue? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        guard let wrapped = mirror.children.first?.value else { return .null }
        return TemplateValue(any: wrapped)
    }
}
