import Foundation

/// What one character is to the tokenizer, and what it becomes in a search term: lowercase, without
/// diacritics for Latin letters (`É` → `e`, `ß` → `ss`), as it is (lowercased) in other scripts.
///
/// `Templates/assets/search-core.js` folds queries by the same rules, so they must change together.
enum TextFolding {
    enum Kind {
        /// Ends a word.
        case separator
        /// Part of a word that leaves nothing in the term: combining marks (Arabic harakat, accents),
        /// the soft hyphen, zero-width joiners, the Arabic tatweel.
        case ignorable
        /// `'`, `‘`, `’`: inside a word (`pakistan's`), trimmed at its ends.
        case apostrophe
        /// A letter or a digit, as it goes into the term.
        case letter(Unicode.Scalar)
        /// A letter that folds to these UTF-8 bytes (`é` → `e`, `ß` → `ss`).
        case folded([UInt8])
    }

    /// The class of a non-ASCII scalar (the tokenizer handles ASCII itself).
    static func classify(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        switch value {
        case 0x2018, 0x2019: return .apostrophe
        case 0x00AD, 0x200C, 0x200D, 0x0640: return .ignorable
        default: break
        }
        // Only Latin letters reach the table: building it takes a millisecond, which a rebuild of an
        // English archive would otherwise pay for its first curly quote or dash.
        if latinBlocks.0.contains(value) || latinBlocks.1.contains(value), let folded = latin[value] { return folded }
        switch scalar.properties.generalCategory {
        case .nonspacingMark:
            return .ignorable
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark, .decimalNumber:
            guard scalar.properties.changesWhenLowercased else { return .letter(scalar) }
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, let first = lower.unicodeScalars.first { return .letter(first) }
            return .folded(Array(lower.utf8))
        default:
            return .separator
        }
    }

    /// Latin-1, Latin Extended-A and B, and Latin Extended Additional (Vietnamese).
    private static let latinBlocks: (ClosedRange<UInt32>, ClosedRange<UInt32>) = (0x00C0...0x024F, 0x1E00...0x1EFF)

    /// The letters of `latinBlocks` that are not their own base letter, folded once.
    private static let latin: [UInt32: Kind] = {
        var table: [UInt32: Kind] = [:]
        for value in [latinBlocks.0, latinBlocks.1].joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter: break
            default: continue
            }
            let folded = special[value] ?? String(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }
                .map(Character.init)).lowercased()
            table[value] = .folded(Array(folded.utf8))
        }
        return table
    }()

    /// Letters that have no decomposition but a plain spelling readers type.
    static let special: [UInt32: String] = [
        0xDF: "ss", 0x1E9E: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe", 0xD8: "o", 0xF8: "o",
        0x110: "d", 0x111: "d", 0x141: "l", 0x142: "l", 0x126: "h", 0x127: "h", 0xDE: "th", 0xFE: "th",
        0xD0: "d", 0xF0: "d", 0x131: "i",
    ]
}
