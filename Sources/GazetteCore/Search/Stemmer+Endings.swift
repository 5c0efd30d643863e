/// The last suffix steps of Porter2 and its list of irregular words.
extension Stemmer {
    private static let step4Suffixes = SnowballCursor.among([
        ("ic", 1), ("ance", 1), ("ence", 1), ("able", 1), ("ible", 1), ("ate", 1), ("ive", 1), ("ize", 1), ("iti", 1),
        ("al", 1), ("ism", 1), ("ion", 2), ("er", 1), ("ous", 1), ("ant", 1), ("ent", 1), ("ment", 1), ("ement", 1),
    ])

    /// Suffixes in R2: `ance`, `ment`, `ion` after `s` or `t` …
    mutating func step4() {
        z.ket = z.cursor
        let found = z.findAmongBackward(Self.step4Suffixes)
        guard found != 0 else { return }
        z.bra = z.cursor
        guard inR2 else { return }
        if found == 2 {
            guard z.letterBackward(0x73) || z.letterBackward(0x74) else { return }
        }
        z.sliceDelete()
    }

    private static let step5Suffixes = SnowballCursor.among([("e", 1), ("l", 2)])

    /// A final `e` in R2, or in R1 after no short syllable; `ll` to `l` in R2.
    mutating func step5() {
        z.ket = z.cursor
        let found = z.findAmongBackward(Self.step5Suffixes)
        guard found != 0 else { return }
        z.bra = z.cursor
        if found == 1 {
            if !inR2 {
                guard inR1 else { return }
                let saved = z.limit - z.cursor
                if shortV() { return }
                z.cursor = z.limit - saved
            }
            z.sliceDelete()
        } else {
            guard inR2, z.letterBackward(0x6C) else { return }
            z.sliceDelete()
        }
    }

    private static let exceptions = SnowballCursor.among([
        ("andes", -1), ("atlas", -1), ("bias", -1), ("cosmos", -1), ("early", 6), ("gently", 4), ("howe", -1),
        ("idly", 3), ("news", -1), ("only", 7), ("singly", 8), ("skies", 2), ("skis", 1), ("sky", -1), ("ugly", 5),
    ])
    private static let exceptionStems = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"]

    /// Whole words the rules would get wrong; true when `word` is one of them (and has been replaced).
    mutating func exception1() -> Bool {
        z.bra = z.cursor
        let found = z.findAmong(Self.exceptions)
        guard found != 0 else { return false }
        z.ket = z.cursor
        guard z.cursor >= z.limit else { return false }
        if found > 0 { z.sliceFrom(Self.exceptionStems[found - 1]) }
        return true
    }
}
