/// English stemming: the Porter2 algorithm as Snowball 3 defines it (`english.sbl`), so that "floods",
/// "flooding" and "flooded" are one term.
///
/// Each rule follows the published algorithm step by step on a `SnowballCursor`; the browser's copy in
/// `Templates/assets/search-stem.js` does the same, and both are checked against one list of words.
struct Stemmer {
    var z: SnowballCursor
    var yFound = false
    var p1 = 0
    var p2 = 0

    /// The stem of `word`, lowercase ASCII letters and apostrophes; other words come back unchanged.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else { return word }
        var stemmer = Stemmer(z: SnowballCursor(word))
        stemmer.run()
        return stemmer.z.current
    }

    static let v = SnowballCursor.Grouping("aeiouy")
    static let vWXY = SnowballCursor.Grouping("aeiouywxY")
    static let aeo = SnowballCursor.Grouping("aeo")
    static let validLI = SnowballCursor.Grouping("cdeghkmnrt")

    private mutating func run() {
        if exception1() { return }
        z.cursor = 0
        guard z.limit >= 3 else { return }
        prelude()
        markRegions()
        z.limitBackward = z.cursor
        z.cursor = z.limit
        for step in 0..<7 {
            let saved = z.limit - z.cursor
            switch step {
            case 0: step1a()
            case 1: step1b()
            case 2: step1c()
            case 3: step2()
            case 4: step3()
            case 5: step4()
            default: step5()
            }
            z.cursor = z.limit - saved
        }
        z.cursor = z.limitBackward
        postlude()
    }

    /// Drops a leading apostrophe and marks consonant `y`s as `Y`.
    private mutating func prelude() {
        yFound = false
        if z.cursor < z.limit, z.current[z.cursor] == 0x27 {
            z.bra = z.cursor
            z.cursor += 1
            z.ket = z.cursor
            z.sliceDelete()
        }
        z.cursor = 0
        if z.cursor < z.limit, z.current[z.cursor] == 0x79 {
            z.bra = z.cursor
            z.cursor += 1
            z.ket = z.cursor
            z.sliceFrom("Y")
            yFound = true
        }
        z.cursor = 0
        while true {
            let start = z.cursor
            var found = false
            while true {
                let here = z.cursor
                if z.inGrouping(Self.v) {
                    z.bra = z.cursor
                    if z.cursor < z.limit, z.current[z.cursor] == 0x79 {
                        z.cursor += 1
                        z.ket = z.cursor
                        z.cursor = here
                        found = true
                        break
                    }
                }
                z.cursor = here
                if z.cursor >= z.limit { break }
                z.cursor += 1
            }
            guard found else {
                z.cursor = start
                break
            }
            z.sliceFrom("Y")
            yFound = true
        }
        z.cursor = 0
    }

    static let regionPrefixes = SnowballCursor.among([
        ("arsen", -1), ("commun", -1), ("emerg", -1), ("gener", -1), ("inter", -1), ("later", -1), ("organ", -1),
        ("past", -1), ("univers", -1),
    ])

    /// R1 and R2: the regions after the first and second vowel–consonant pair.
    private mutating func markRegions() {
        p1 = z.limit
        p2 = z.limit
        defer { z.cursor = 0 }
        if z.findAmong(Self.regionPrefixes) == 0 {
            z.cursor = 0
            guard z.goOutGrouping(Self.v) else { return }
            z.cursor += 1
            guard z.goInGrouping(Self.v) else { return }
            z.cursor += 1
        }
        p1 = z.cursor
        guard z.goOutGrouping(Self.v) else { return }
        z.cursor += 1
        guard z.goInGrouping(Self.v) else { return }
        z.cursor += 1
        p2 = z.cursor
    }

    /// Whether the word ends in a short syllable.
    mutating func shortV() -> Bool {
        let saved = z.limit - z.cursor
        if z.outGroupingBackward(Self.vWXY), z.inGroupingBackward(Self.v), z.outGroupingBackward(Self.v) { return true }
        z.cursor = z.limit - saved
        if z.outGroupingBackward(Self.v), z.inGroupingBackward(Self.v), z.cursor <= z.limitBackward { return true }
        z.cursor = z.limit - saved
        return z.eqBackward("past")
    }

    var inR1: Bool { p1 <= z.cursor }
    var inR2: Bool { p2 <= z.cursor }

    private mutating func postlude() {
        guard yFound else { return }
        for i in z.current.indices where z.current[i] == 0x59 { z.current[i] = 0x79 }
    }
}
