import Foundation
import Testing
@testable import GazetteCore

@Suite struct StemmerTests {
    /// `Tests/search/fixtures/`, shared with the Node tests of the browser's copy of the algorithm.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("search/fixtures")

    static func stem(_ word: String) -> String {
        String(decoding: Stemmer.stem(Array(word.utf8)), as: UTF8.self)
    }

    @Test func everyWordOfTheSharedListStemsAsSnowballDoes() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("stems.tsv"), encoding: .utf8)
        var checked = 0
        var wrong: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(parts.count == 2, "bad line: \(line)")
            let got = Self.stem(String(parts[0]))
            if got != parts[1] { wrong.append("\(parts[0]) → \(got), expected \(parts[1])") }
            checked += 1
        }
        #expect(checked > 2000)
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }

    @Test(arguments: [
        ("floods", "flood"), ("flooding", "flood"), ("flooded", "flood"), ("militants", "milit"), ("economy", "economi"),
        ("economic", "econom"), ("generously", "generous"), ("skies", "sky"), ("dying", "die"), ("news", "news"),
        ("pakistan's", "pakistan"), ("proceeding", "proceed"), ("hopping", "hop"), ("hoping", "hope"), ("added", "add"),
        ("a", "a"), ("is", "is"), ("'quoted", "quot"),
    ])
    func knownStems(_ word: String, _ expected: String) {
        #expect(Self.stem(word) == expected)
    }

    @Test func leavesWordsItDoesNotTakeAlone() {
        #expect(Self.stem("2025") == "2025")
        #expect(Self.stem("پاکستان") == "پاکستان")
        #expect(Self.stem("Floods") == "Floods")
        #expect(Self.stem("") == "")
    }
}
