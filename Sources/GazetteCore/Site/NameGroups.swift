/// Groups the names articles give (topics, bylines) by slug: names that fold to one slug are one group,
/// called by the spelling most articles use (ties go to the alphabetically first).
struct NameGroups {
    struct Group {
        var slug: String
        var name: String
        /// Indexes of the articles, in the order they were added.
        var articles: [Int]
    }

    private var bySlug: [String: (names: [String: Int], articles: [Int])] = [:]
    private var slugsOfArticle: [[String]] = []
    /// A few hundred names, looked up tens of thousands of times.
    private var slugOfName: [String: String] = [:]

    /// Adds the next article's names (articles are added in index order); returns those that make no slug.
    mutating func add(_ names: [String]) -> [String] {
        let i = slugsOfArticle.count
        var slugs: [String] = []
        var unusable: [String] = []
        for name in names {
            let slug = slugOfName[name] ?? Slug.make(name)
            slugOfName[name] = slug
            guard !slug.isEmpty else {
                unusable.append(name)
                continue
            }
            guard !slugs.contains(slug) else { continue }
            slugs.append(slug)
            bySlug[slug, default: ([:], [])].names[name, default: 0] += 1
            bySlug[slug, default: ([:], [])].articles.append(i)
        }
        slugsOfArticle.append(slugs)
        return unusable
    }

    /// The groups in slug order, and for each article the positions of its groups in that order.
    func sorted() -> (groups: [Group], ofArticle: [[Int]]) {
        let groups = bySlug.map { slug, entry in
            Group(slug: slug, name: entry.names.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key, articles: entry.articles)
        }.sorted { $0.slug < $1.slug }
        let position = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.slug, $0) })
        return (groups, slugsOfArticle.map { $0.compactMap { position[$0] } })
    }
}
