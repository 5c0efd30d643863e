/// The suffix steps of Porter2, in the order the algorithm runs them. Each returns early where
/// Snowball's rule fails; the caller puts the cursor back at the end of the word between steps.
extension Stemmer {
    private static let step1aApostrophes = SnowballCursor.among([("'", 1), ("'s'", 1), ("'s", 1)])
    private static let step1aSuffixes = SnowballCursor.among([("ied", 2), ("s", 3), ("ies", 2), ("sses", 1), ("ss", -1), ("us", -1)])

    /// Possessives and plurals: `'s`, `sses`, `ied`, `ies`, `s`.
    mutating func step1a() {
        let saved = z.limit - z.cursor
        z.ket = z.cursor
        if z.findAmongBackward(Self.step1aApostrophes) == 0 {
            z.cursor = z.limit - saved
        } else {
            z.bra = z.cursor
            z.sliceDelete()
        }
        z.ket = z.cursor
        let found = z.findAmongBackward(Self.step1aSuffixes)
        guard found != 0 else { return }
        z.bra = z.cursor
        switch found {
        case 1: z.sliceFrom("ss")
        case 2:
            if z.cursor - 2 >= z.limitBackward {
                z.sliceFrom("i")
            } else {
                z.sliceFrom("ie")
            }
        case 3:
            guard z.cursor > z.limitBackward else { return }
            z.cursor -= 1
            guard z.goOutGroupingBackward(Self.v) else { return }
            z.cursor -= 1
            z.sliceDelete()
        default: break
        }
    }

    private static let step1bExceed = SnowballCursor.among([("succ", 1), ("proc", 1), ("exc", 1)])
    private static let step1bIng = SnowballCursor.among([("even", 2), ("cann", 2), ("inn", 2), ("earr", 2), ("herr", 2), ("out", 2), ("y", 1)])
    private static let step1bSuffixes = SnowballCursor.among([("", -1), ("ed", 2), ("eed", 1), ("ing", 3), ("edly", 2), ("eedly", 1), ("ingly", 2)])
    private static let step1bEndings = SnowballCursor.among([
        ("", 3), ("bb", 2), ("dd", 2), ("ff", 2), ("gg", 2), ("bl", 1), ("mm", 2), ("nn", 2), ("pp", 2), ("rr", 2),
        ("at", 1), ("tt", 2), ("iz", 1),
    ])

    /// `eed`, `ed`, `ing` and their `ly` forms, then tidying the stem they leave (`hopp` → `hop`, `hop` → `hope`).
    mutating func step1b() {
        z.ket = z.cursor
        var found = z.findAmongBackward(Self.step1bSuffixes)
        z.bra = z.cursor
        let beforeSuffix = z.limit - z.cursor
        var delete = false
        switch found {
        case 1:
            let saved = z.limit - z.cursor
            if inR1 {
                let here = z.limit - z.cursor
                if !(z.findAmongBackward(Self.step1bExceed) != 0 && z.cursor <= z.limitBackward) {
                    z.cursor = z.limit - here
                    z.sliceFrom("ee")
                }
            }
            z.cursor = z.limit - saved
        case 2:
            delete = true
        case 3:
            found = z.findAmongBackward(Self.step1bIng)
            if found == 0 {
                delete = true
            } else if found == 1 {
                let here = z.limit - z.cursor
                if z.outGroupingBackward(Self.v), z.cursor <= z.limitBackward {
                    z.cursor = z.limit - here
                    z.bra = z.cursor
                    z.sliceFrom("ie")
                } else {
                    delete = true
                }
            } else if z.cursor > z.limitBackward {
                delete = true
            }
        default: break
        }
        guard delete else { return }

        z.cursor = z.limit - beforeSuffix
        let here = z.limit - z.cursor
        guard z.goOutGroupingBackward(Self.v) else { return }
        z.cursor = z.limit - here
        z.sliceDelete()
        z.ket = z.cursor
        z.bra = z.cursor
        let end = z.limit - z.cursor
        switch z.findAmongBackward(Self.step1bEndings) {
        case 1:
            z.sliceFrom("e")
            return
        case 2:
            let saved = z.limit - z.cursor
            if z.inGroupingBackward(Self.aeo), z.cursor <= z.limitBackward { return }
            z.cursor = z.limit - saved
        default:
            guard z.cursor == p1 else { return }
            let saved = z.limit - z.cursor
            guard shortV() else { return }
            z.cursor = z.limit - saved
            z.sliceFrom("e")
            return
        }
        z.cursor = z.limit - end
        z.ket = z.cursor
        guard z.cursor > z.limitBackward else { return }
        z.cursor -= 1
        z.bra = z.cursor
        z.sliceDelete()
    }

    /// A final `y` after a consonant (not the first letter) becomes `i`.
    mutating func step1c() {
        z.ket = z.cursor
        guard z.letterBackward(0x79) || z.letterBackward(0x59) else { return }
        z.bra = z.cursor
        guard z.outGroupingBackward(Self.v), z.cursor > z.limitBackward else { return }
        z.sliceFrom("i")
    }

    private static let step2Suffixes = SnowballCursor.among([
        ("anci", 3), ("enci", 2), ("ogi", 14), ("li", 16), ("bli", 12), ("abli", 4), ("alli", 8), ("fulli", 9),
        ("lessli", 15), ("ousli", 10), ("entli", 5), ("aliti", 8), ("biliti", 12), ("iviti", 11), ("tional", 1),
        ("ational", 7), ("alism", 8), ("ation", 7), ("ization", 6), ("izer", 6), ("ator", 7), ("iveness", 11),
        ("fulness", 9), ("ousness", 10), ("ogist", 13),
    ])
    private static let step2Replacements = [
        1: "tion", 2: "ence", 3: "ance", 4: "able", 5: "ent", 6: "ize", 7: "ate", 8: "al", 9: "ful", 10: "ous",
        11: "ive", 12: "ble", 13: "og", 15: "less",
    ]

    mutating func step2() {
        z.ket = z.cursor
        let found = z.findAmongBackward(Self.step2Suffixes)
        guard found != 0 else { return }
        z.bra = z.cursor
        guard inR1 else { return }
        if let replacement = Self.step2Replacements[found] {
            z.sliceFrom(replacement)
        } else if found == 14 {
            guard z.letterBackward(0x6C) else { return }
            z.sliceFrom("og")
        } else {
            guard z.inGroupingBackward(Self.validLI) else { return }
            z.sliceDelete()
        }
    }

    private static let step3Suffixes = SnowballCursor.among([
        ("icate", 4), ("ative", 6), ("alize", 3), ("iciti", 4), ("ical", 4), ("tional", 1), ("ational", 2), ("ful", 5), ("ness", 5),
    ])

    mutating func step3() {
        z.ket = z.cursor
        let found = z.findAmongBackward(Self.step3Suffixes)
        guard found != 0 else { return }
        z.bra = z.cursor
        guard inR1 else { return }
        switch found {
        case 1: z.sliceFrom("tion")
        case 2: z.sliceFrom("ate")
        case 3: z.sliceFrom("al")
        case 4: z.sliceFrom("ic")
        case 5: z.sliceDelete()
        default:
            guard inR2 else { return }
            z.sliceDelete()
        }
    }
}
