import Foundation
import Testing
@testable import GazetteCore

@Suite struct TokenizerTests {
    static func terms(_ text: String, html: Bool = false) -> [String] {
        let analyzer = TermAnalyzer(dictionary: TermDictionary())
        var numbers: [UInt32] = []
        analyzer.forEachTerm(in: text, html: html) { numbers.append($0) }
        let terms = analyzer.dictionary.terms
        return numbers.map { terms[Int($0)] }
    }

    @Test func everyLineOfTheSharedListGivesItsTerms() throws {
        let text = try String(contentsOf: StemmerTests.fixtures.appendingPathComponent("tokens.tsv"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(parts.count == 2, "bad line: \(line)")
            let expected = parts[1].split(separator: " ").map(String.init)
            #expect(Self.terms(parts[0]) == expected, "\(parts[0])")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func htmlTagsAreSkippedAndEntitiesEndWords() {
        let html = "<p>The <em>floods</em> &amp; rains<br>hit <a href=\"https://example.org/x\">Sindh</a>&nbsp;province</p><!-- raw HTML omitted -->"
        #expect(Self.terms(html, html: true) == ["the", "flood", "rain", "hit", "sindh", "provinc"])
        #expect(Self.terms("a < b and c > d", html: false) == ["a", "b", "and", "c", "d"])
    }

    /// Letters at both ends of the folded Latin blocks fold; punctuation beside them separates words.
    @Test func latinBlocksFoldToTheirBaseLetters() {
        #expect(Self.terms("Àla Ǻla Ḁla Ỹes ỹes") == ["ala", "ala", "ala", "yes", "yes"])
        #expect(Self.terms("“quoted”—dash ¿qué?") == ["quot", "dash", "que"])
    }

    @Test func veryLongRunsAreNotWords() {
        let long = String(repeating: "a", count: Tokenizer.maximumWordBytes + 1)
        #expect(Self.terms("short \(long) words") == ["short", "word"])
    }

    @Test func malformedBytesSeparateWords() {
        var tokenizer = Tokenizer()
        var words: [String] = []
        let bytes: [UInt8] = [0x61, 0x62, 0xFF, 0x63, 0xE2, 0x82]  // "ab", a stray byte, "c", a cut-off sequence
        bytes.withUnsafeBufferPointer { buffer in
            tokenizer.forEachWord(in: buffer, html: false) { word, _, _ in words.append(String(decoding: word, as: UTF8.self)) }
        }
        #expect(words == ["ab", "c"])
    }

    /// The word table finds words by the hash the tokenizer hands over with each: it must be the
    /// table's own, whether the word came through the lowercase fast path or was folded.
    @Test func eachWordComesWithTheTablesHash() {
        var tokenizer = Tokenizer()
        var seen: [String] = []
        let text = "plain words, Capital ÉCOLE naïve l'été <b>bold</b> &amp; don't 2024 students "
            + "internationally abcdefghijklmnop abcdefghijklmnopqrstuvwx Internationally x"
        tokenizer.forEachWord(in: text, html: true) { word, _, hash in
            #expect(hash == WordTable.hash(word))
            seen.append(String(decoding: word, as: UTF8.self))
        }
        #expect(seen == ["plain", "words", "capital", "ecole", "naive", "l'ete", "bold", "don't", "2024", "students",
                         "internationally", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwx", "internationally", "x"])
        // Every length up to three chunks, ending the text or not.
        for length in 1...24 {
            let word = String(repeating: "q", count: length - 1) + "z"
            for text in [word, word + " tail", "lead " + word] {
                var hashes: [String: UInt32] = [:]
                tokenizer.forEachWord(in: text, html: false) { word, _, hash in
                    hashes[String(decoding: word, as: UTF8.self)] = hash
                    #expect(hash == WordTable.hash(word), "\(text)")
                }
                #expect(hashes[word] != nil, "\(text)")
            }
        }
    }

    /// The eight-byte test of the tokenizer's fast path flags exactly the bytes that are not `a`–`z`,
    /// wherever they are in the chunk.
    @Test func chunksFlagEveryByteThatIsNotALowercaseLetter() {
        ChunkCases.forEach { byte, position, chunk in
            let expected: UInt64 = (0x61...0x7A).contains(byte) ? 0 : 0x80 &<< UInt64(position * 8)
            #expect(Tokenizer.notLowercase(chunk) == expected, "byte \(byte) at \(position)")
        }
    }

    /// Words that differ in one byte anywhere land in different slots of a small table: the slot bits
    /// depend on every byte (they once did not on the last byte of each chunk of eight).
    @Test func slotsDependOnEveryByte() {
        for position in 0..<16 {
            var slots = Set<UInt32>()
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
                var word = Array("abcdefghijklmnop".utf8)
                word[position] = letter
                slots.insert(word.withUnsafeBufferPointer { WordTable.hash($0) } & 1023)
            }
            #expect(slots.count >= 20, "position \(position)")
        }
        var numbers = Set<UInt32>()
        for n in 10_000_000..<10_010_000 {
            var text = String(n)
            numbers.insert(text.withUTF8 { WordTable.hash($0) } & 1023)
        }
        #expect(numbers.count >= 1_000)  // of 1,024 slots
    }

    @Test func wordsAreCountedOnceEachInTheTable() {
        let analyzer = TermAnalyzer(dictionary: TermDictionary())
        #expect(analyzer.terms("Flooding floods flooded FLOOD") == ["flood", "flood", "flood", "flood"])
        #expect(analyzer.dictionary.terms == ["flood"])
    }

    /// The table the tokenizer keeps of words met before: every word stored is found with its value
    /// through several doublings, words never stored are not (also ones sharing a hash slot).
    @Test func wordTableFindsWhatItStoredAndNothingElse() {
        var table = WordTable()
        let words = (0..<5_000).map { "w\($0 * 7)" }
        func find(_ word: String) -> UInt32? {
            var word = word
            return word.withUTF8 { table.value(for: $0, hash: WordTable.hash($0)) }
        }
        for (n, word) in words.enumerated() {
            var word = word
            word.withUTF8 { table.insert($0, hash: WordTable.hash($0), value: UInt32(n)) }
        }
        #expect(table.count == words.count)
        for (n, word) in words.enumerated() { #expect(find(word) == UInt32(n)) }
        for n in 0..<5_000 where n % 7 != 0 { #expect(find("w\(n)") == nil) }
        #expect(find("") == nil)
        table.removeAll()
        #expect(find(words[0]) == nil && table.count == 0)
    }
}
