import Testing
@testable import GazetteCore

@Suite struct NameGroupsTests {
    /// The plain definition: group by slug, count each spelling once per article, name a group by its
    /// most used spelling (ties: the alphabetically first), order groups by slug.
    static func reference(_ articles: [[String]]) -> (groups: [(slug: String, name: String, articles: [Int])], ofArticle: [[Int]], unusable: [[String]]) {
        var spellings: [String: [String: Int]] = [:]
        var members: [String: [Int]] = [:]
        var slugsOfArticle: [[String]] = []
        var unusable: [[String]] = []
        for (i, names) in articles.enumerated() {
            var slugs: [String] = []
            var bad: [String] = []
            for name in names {
                let slug = Slug.make(name)
                if slug.isEmpty { bad.append(name); continue }
                if slugs.contains(slug) { continue }
                slugs.append(slug)
                spellings[slug, default: [:]][name, default: 0] += 1
                members[slug, default: []].append(i)
            }
            slugsOfArticle.append(slugs)
            unusable.append(bad)
        }
        let groups = spellings.keys.sorted().map { slug in
            (slug: slug, name: spellings[slug]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key, articles: members[slug]!)
        }
        let position = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.slug, $0) })
        return (groups, slugsOfArticle.map { $0.map { position[$0]! } }, unusable)
    }

    /// Topics and bylines are grouped tens of thousands of times a build; the grouping must be the
    /// plain definition's for names that fold together, repeat within an article, or make no slug.
    @Test func groupsAsTheDefinitionSays() {
        let pool = ["Economy", "economy", "ECONOMY", "Économie", "economie", "Sports", "sports ", "!!!", "",
                    "Sean O'Neill", "Sean O’Neill", "Karachi", "karachi", "Gilgit-Baltistan"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let articles = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            }
            var groups = NameGroups()
            let unusable = articles.map { groups.add($0) }
            let (found, ofArticle) = groups.sorted()
            let expected = Self.reference(articles)
            #expect(found.map(\.slug) == expected.groups.map(\.slug))
            #expect(found.map(\.name) == expected.groups.map(\.name))
            #expect(found.map(\.articles) == expected.groups.map(\.articles))
            #expect(ofArticle == expected.ofArticle)
            #expect(unusable == expected.unusable)
        }
    }
}
