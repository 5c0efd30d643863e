import Yams

/// The type of a YAML scalar, decided without regular expressions: Yams' default resolver runs a list of
/// them for every scalar, which made front matter the slowest part of loading an archive.
///
/// Quoted and block scalars are text. Plain ones follow YAML 1.1's core types, as Yams would.
enum YAMLScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    init(_ scalar: Node.Scalar) {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else {
            self = .string(text)
            return
        }
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": self = .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": self = .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": self = .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": self = .float(-.infinity)
        case ".nan", ".NaN", ".NAN": self = .float(.nan)
        default:
            if Self.isNumeric(text, allowingFraction: false), let number = Int(text.replacingOccurrences(of: "_", with: "")) {
                self = .int(number)
            } else if Self.isNumeric(text, allowingFraction: true), let number = Double(text) {
                self = .float(number)
            } else {
                self = .string(text)
            }
        }
    }

    init?(_ node: Node) {
        guard case .scalar(let scalar) = node else { return nil }
        self.init(scalar)
    }

    /// `[-+]?[0-9_]+` for integers; with a fraction or exponent for floats.
    private static func isNumeric(_ text: String, allowingFraction: Bool) -> Bool {
        var digits = 0, dots = 0, exponent = false
        for (i, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "_") where !allowingFraction: continue
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard i == 0 || exponent else { return false }
            case UInt8(ascii: ".") where allowingFraction && !exponent: dots += 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard allowingFraction, !exponent, digits > 0 else { return false }
                exponent = true
            default: return false
            }
        }
        return digits > 0 && dots <= 1 && (allowingFraction ? (dots == 1 || exponent) : true)
    }

    var isNull: Bool { self == .null }
}
