import Foundation

/// Makes URL path segments from titles, file names and topic names.
public enum Slug {
    /// Lowercase letters, digits and hyphens. Latin letters lose their accents (`Café` → `cafe`);
    /// letters of other scripts (Urdu, Arabic, Chinese) are kept as they are and percent-encoded in links.
    /// Everything else becomes a single hyphen. The result may be empty (`"..."`): callers report that.
    public static func make(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in folded(text).unicodeScalars {
            let isASCIIAlphanumeric = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            let keep = isASCIIAlphanumeric
                || (!scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark
                    || scalar.properties.generalCategory == .spacingMark))
            if scalar.properties.generalCategory == .format { continue }  // zero-width joiners and marks
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

    /// Lowercased, with Latin diacritics removed; other scripts keep their marks.
    private static func folded(_ text: String) -> String {
        let lower = text.lowercased()
        guard !lower.unicodeScalars.allSatisfy(\.isASCII) else { return lower }
        var output = String.UnicodeScalarView()
        for scalar in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark, let last = output.last, last.isASCII {
                continue  // an accent on a Latin letter
            }
            output.append(scalar)
        }
        return String(output).precomposedStringWithCanonicalMapping
    }

    /// The slug percent-encoded for use in a URL path.
    public static func urlEncoded(_ slug: String) -> String {
        // Most slugs need no encoding; checking bytes is far cheaper than Foundation's encoder.
        if slug.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x7E }) { return slug }
        return slug.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? slug
    }

    private static let pathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()
}
