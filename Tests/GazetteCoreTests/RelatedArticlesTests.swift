import Foundation
import Testing
@testable import GazetteCore

@Suite struct RelatedArticlesTests {
    @Test func mostSharedTopicsFirstThenClosestInTime() throws {
        let site = try TestSite([
            "site.yml": "time_zone: UTC\n",
            "Content/main.md": article(title: "Main", date: "2025-06-10", "topics: [A, B, C]"),
            "Content/abc-far.md": article(title: "ABC far", date: "2025-01-01", "topics: [A, B, C]"),
            "Content/ab-near.md": article(title: "AB near", date: "2025-06-09", "topics: [A, B]"),
            "Content/ab-later.md": article(title: "AB later", date: "2025-06-14", "topics: [B, A]"),
            "Content/a-near.md": article(title: "A near", date: "2025-06-11", "topics: [A]"),
            "Content/c-mid.md": article(title: "C mid", date: "2025-05-01", "topics: [C]"),
            "Content/c-old.md": article(title: "C old", date: "2024-05-01", "topics: [C]"),
            "Content/none.md": article(title: "Unrelated", date: "2025-06-10T01:00"),
        ])
        defer { site.delete() }
        try site.build()
        let html = try #require(site.output("2025/06/10/main/index.html"))
        let section = try #require(html.range(of: "<section class=\"related\"")).upperBound
        let end = try #require(html[section...].range(of: "</section>")).lowerBound
        let titles = String(html[section..<end]).matches(of: /<li><a href="[^"]*">([^<]*)<\/a>/).map { String($0.output.1) }
        #expect(titles == ["ABC far", "AB near", "AB later", "A near", "C mid"])
    }

    @Test func fewerThanThreeSharingTopicsAreFilledByTime() throws {
        let site = try TestSite([
            "Content/a.md": article(title: "A", date: "2025-06-10", "topics: [Only]"),
            "Content/b.md": article(title: "B", date: "2025-06-01", "topics: [Only]"),
            "Content/c.md": article(title: "C", date: "2025-06-09"),
            "Content/d.md": article(title: "D", date: "2025-06-12"),
            "Content/e.md": article(title: "E", date: "2025-07-30"),
        ])
        defer { site.delete() }
        let failures = site.failures()
        #expect(failures.isEmpty)
        let (loaded, _) = ContentLoader(parser: ArticleParser(config: SiteConfig()), paths: DisplayPaths())
            .load(site.root.appendingPathComponent("Content"))
        let (index, _) = SiteIndex.build(loaded, config: SiteConfig())
        let a = try #require(index.articles.firstIndex { $0.title == "A" })
        #expect(index.related[a].map { index.articles[$0].title } == ["B", "C", "D"])
        let e = try #require(index.articles.firstIndex { $0.title == "E" })
        #expect(index.related[e].map { index.articles[$0].title } == ["D", "A", "C"])
    }

    /// Builds the related lists of `count` articles with `topicsEach` topics drawn from `topicCount`.
    static func synthetic(_ count: Int, topicCount: Int, topicsEach: Int) -> (dates: [Date], topics: [[Int]], articleTopics: [[Int]]) {
        var generator = SplitMix(seed: 42)
        let dates = (0..<count).map { Date(timeIntervalSince1970: 1_700_000_000 - Double($0) * 3600) }
        var topics = Array(repeating: [Int](), count: topicCount)
        var articleTopics: [[Int]] = []
        for i in 0..<count {
            var mine: [Int] = []
            while mine.count < topicsEach {
                // Skewed: low topic numbers are far more common, as real topics are.
                let t = Int(Double(topicCount) * pow(Double(generator.next() % 10_000) / 10_000, 3))
                if !mine.contains(t) { mine.append(t) }
            }
            for t in mine { topics[t].append(i) }
            articleTopics.append(mine)
        }
        return (dates, topics, articleTopics)
    }

    /// The last build's lists are taken as they are when made from the same dates and topics in the same
    /// order, and made again when any of them differs (or when they point at articles that are not there).
    @Test func theLastBuildsListsAreReusedOnlyForTheSameDatesAndTopics() {
        let (dates, topics, articleTopics) = Self.synthetic(500, topicCount: 20, topicsEach: 2)
        let made = RelatedArticles.compute(dates: dates, topicArticles: topics, articleTopics: articleTopics, reusing: nil)
        #expect(made.lists == RelatedArticles.compute(dates: dates, topicArticles: topics, articleTopics: articleTopics))
        // Lists that could not come from these articles show whether the memo was taken or not.
        let marked = RelatedArticles.Memo(key: made.key, lists: made.lists.indices.map { [($0 + 1) % made.lists.count] })
        #expect(RelatedArticles.compute(dates: dates, topicArticles: topics, articleTopics: articleTopics, reusing: marked) == marked)

        func topicArticles(_ articleTopics: [[Int]]) -> [[Int]] {
            var lists = Array(repeating: [Int](), count: topics.count)
            for (i, mine) in articleTopics.enumerated() { for t in mine { lists[t].append(i) } }
            return lists
        }
        var laterDate = dates
        laterDate[250] += 1
        var otherTopic = articleTopics
        otherTopic[250][1] = (0..<topics.count).first { !articleTopics[250].contains($0) }!
        var fewerTopics = articleTopics
        fewerTopics[250].removeLast()
        var swapped = articleTopics
        swapped[250].reverse()
        let changes: [(String, [Date], [[Int]])] = [
            ("a date", laterDate, articleTopics), ("a topic", dates, otherTopic), ("a topic less", dates, fewerTopics),
            ("the order of topics", dates, swapped), ("an article less", Array(dates.dropLast()), Array(articleTopics.dropLast())),
        ]
        for (change, dates, articleTopics) in changes {
            let again = RelatedArticles.compute(dates: dates, topicArticles: topicArticles(articleTopics), articleTopics: articleTopics, reusing: marked)
            #expect(again.key != marked.key, "\(change)")
            #expect(again.lists == RelatedArticles.compute(dates: dates, topicArticles: topicArticles(articleTopics), articleTopics: articleTopics), "\(change)")
        }
        // A damaged cache's lists, pointing past the last article, are not taken.
        var damaged = marked
        damaged.lists[7] = [dates.count]
        #expect(RelatedArticles.compute(dates: dates, topicArticles: topics, articleTopics: articleTopics, reusing: damaged) == made)
    }

    /// A large archive: comparing every pair would be 450 million comparisons, far beyond what this
    /// test's run allows; the candidates of each article come from its topics' neighbours only.
    @Test func largeArchivesCompareNoPairs() throws {
        let count = 30_000
        let (dates, topics, articleTopics) = Self.synthetic(count, topicCount: 300, topicsEach: 3)
        let related = RelatedArticles.compute(dates: dates, topicArticles: topics, articleTopics: articleTopics)
        #expect(related.count == count)
        #expect(related.allSatisfy { (3...5).contains($0.count) })
        // Every related article shares a topic or is a time neighbour.
        for i in stride(from: 0, to: count, by: 97) {
            for j in related[i] {
                #expect(!Set(articleTopics[i]).isDisjoint(with: articleTopics[j]) || abs(i - j) <= 3)
            }
        }
    }
}

/// A small deterministic random number generator for synthetic corpora.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
