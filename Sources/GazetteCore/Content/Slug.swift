import Foundation

/// Makes URL path segments from titles, file names and topic names.
public enum Slug {
    /// Lowercase letters, digits and hyphens. Latin letters lose their accents (`Café` → `cafe`);
    /// letters of other scripts (Urdu, Arabic, Chinese) are kept as they are and percent-encoded in links.
    /// Everything else becomes a single hyphen. The result may be empty (`"..."`): callers report that.
    public static func make(_ text: String) -> String {
        let folded = folded(text)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(folded) }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .spacingMark {
                // A mark goes with the character before it: kept after a kept letter, dropped
                // at the start and after a separator (so that a second pass keeps the same slug).
                if !pendingHyphen, !result.isEmpty { result.unicodeScalars.append(scalar) }
                continue
            }
            let keep = scalar.isASCII
                ? scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if keep {
                if pendingHyphen, !result.isEmpty { result.unicodeScalars.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// `make` for lowercase ASCII, a byte at a time (most titles): the same rules, without looking up
    /// Unicode properties.
    private static func makeASCII(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if pendingHyphen, !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(byte)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Lowercased, with Latin diacritics removed; other scripts keep their marks.
    private static func folded(_ text: String) -> String {
        let lower = text.lowercased()
        guard !lower.unicodeScalars.allSatisfy(\.isASCII) else { return lower }
        var output = String.UnicodeScalarView()
        for scalar in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            // Zero-width joiners and other format characters go first, so that they separate
            // neither an accent from its Latin letter nor the parts of a composed character.
            if scalar.properties.generalCategory == .format { continue }
            if scalar.properties.generalCategory == .nonspacingMark, let last = output.last, last.isASCII {
                continue  // an accent on a Latin letter
            }
            output.append(scalar)
        }
        return String(output).precomposedStringWithCanonicalMapping
    }

    /// A slug (or any path segment) percent-encoded for use in a URL path: every byte but ASCII letters, digits and `-._~`.
    public static func urlEncoded(_ slug: String) -> String {
        // The usual case, without copying; read in place, as every route of every build comes here.
        let plain = slug.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isUnreserved) } ?? slug.utf8.allSatisfy(isUnreserved)
        if plain { return slug }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(slug.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in slug.utf8 {
            if isUnreserved(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
