/// Groups the names articles give (topics, bylines) by slug: names that fold to one slug are one group,
/// called by the spelling most articles use (ties go to the alphabetically first).
///
/// A few hundred names are looked up tens of thousands of times: each name's group and number are
/// found with one hash, and everything else is counted in arrays by those numbers.
struct NameGroups {
    struct Group {
        var slug: String
        var name: String
        /// Indexes of the articles, in the order they were added.
        var articles: [Int]
    }

    /// Each name met: its group (nil when it makes no slug) and its number in `names`.
    private var entries: [String: (group: Int?, name: Int)] = [:]
    private var names: [String] = []
    /// By name number: how many articles use this spelling.
    private var uses: [Int] = []
    private var groupOfSlug: [String: Int] = [:]
    /// By group number.
    private var slugs: [String] = []
    private var namesOfGroup: [[Int]] = []
    private var articlesOfGroup: [[Int]] = []
    private var groupsOfArticle: [[Int]] = []

    /// Adds the next article's names (articles are added in index order); returns those that make no slug.
    mutating func add(_ articleNames: [String]) -> [String] {
        let i = groupsOfArticle.count
        var groups: [Int] = []
        var unusable: [String] = []
        for name in articleNames {
            let entry = entries[name] ?? newEntry(name)
            guard let group = entry.group else {
                unusable.append(name)
                continue
            }
            guard !groups.contains(group) else { continue }
            groups.append(group)
            uses[entry.name] += 1
            articlesOfGroup[group].append(i)
        }
        groupsOfArticle.append(groups)
        return unusable
    }

    private mutating func newEntry(_ name: String) -> (group: Int?, name: Int) {
        let slug = Slug.make(name)
        var entry: (group: Int?, name: Int) = (nil, -1)
        if !slug.isEmpty {
            let group = groupOfSlug[slug] ?? slugs.count
            if group == slugs.count {
                groupOfSlug[slug] = group
                slugs.append(slug)
                namesOfGroup.append([])
                articlesOfGroup.append([])
            }
            entry = (group, names.count)
            namesOfGroup[group].append(names.count)
            names.append(name)
            uses.append(0)
        }
        entries[name] = entry
        return entry
    }

    /// The groups in slug order, and for each article the positions of its groups in that order.
    func sorted() -> (groups: [Group], ofArticle: [[Int]]) {
        let order = slugs.indices.sorted { slugs[$0] < slugs[$1] }
        var position = [Int](repeating: 0, count: slugs.count)
        for (p, group) in order.enumerated() { position[group] = p }
        let groups = order.map { group in
            // The spelling used most; among equals, the alphabetically first.
            let name = namesOfGroup[group].max { (uses[$0], names[$1]) < (uses[$1], names[$0]) }!
            return Group(slug: slugs[group], name: names[name], articles: articlesOfGroup[group])
        }
        return (groups, groupsOfArticle.map { $0.map { position[$0] } })
    }
}
