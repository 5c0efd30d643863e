import Foundation

/// Picks the related coverage of every article: the articles sharing the most topics with it, the
/// closest in time first among equals; when fewer than `minimum` share a topic, the articles nearest
/// in time fill the list up.
///
/// No pair of articles is ever compared outright. Each topic's article list is sorted by date (it is
/// in index order), so an article's position in it is found by binary search and only the `window`
/// articles on either side are candidates. The cost is O(articles × topics per article × window),
/// about 20 million candidate looks for 100,000 articles with three topics each, spread over the cores.
/// The price of the window: an article sharing two topics but further than `window` stories away in
/// both lists loses to a closer one sharing a single topic.
enum RelatedArticles {
    /// At most this many related articles.
    static let count = 5
    /// At least this many, when the site has enough articles.
    static let minimum = 3
    /// Candidates looked at on each side of an article in each of its topics' lists.
    static let window = 32

    /// The lists of a build, with the hash of what they were made from: the next build takes them as they
    /// are when its articles have the same dates and topics in the same order (most edits change a body).
    struct Memo: Sendable, Equatable {
        var key: UInt64
        var lists: [[Int]]
    }

    /// The lists of `memo` when it was made from the same dates and topics, else computed again.
    static func compute(dates: [Date], topicArticles: [[Int]], articleTopics: [[Int]], reusing memo: Memo?) -> Memo {
        let key = key(dates: dates, topicCount: topicArticles.count, articleTopics: articleTopics)
        // Checked whole: a damaged cache must not point at articles that are not there.
        if let memo, memo.key == key, memo.lists.count == dates.count,
           memo.lists.allSatisfy({ $0.allSatisfy { dates.indices.contains($0) } }) {
            return memo
        }
        return Memo(key: key, lists: compute(dates: dates, topicArticles: topicArticles, articleTopics: articleTopics))
    }

    /// Everything `compute` reads: each topic's articles follow from the articles' topics.
    static func key(dates: [Date], topicCount: Int, articleTopics: [[Int]]) -> UInt64 {
        var hash = StableHash()
        hash.combine(version)
        hash.combine(dates.count)
        hash.combine(topicCount)
        for (date, topics) in zip(dates, articleTopics) {
            hash.combine(date.timeIntervalSince1970.bitPattern)
            hash.combine(topics.count)
            for t in topics { hash.combine(t) }
        }
        return hash.value
    }

    /// Bumped when the choice changes (`count`, `minimum`, `window`, the ranking), so that kept lists are made again.
    static let version = 1

    /// `result[i]` lists article `i`'s related articles, best first.
    ///
    /// - Parameters:
    ///   - dates: the articles' publication dates, newest first (the index order).
    ///   - topicArticles: each topic's articles, ascending indexes.
    ///   - articleTopics: each article's topics, indexes into `topicArticles`.
    static func compute(dates: [Date], topicArticles: [[Int]], articleTopics: [[Int]]) -> [[Int]] {
        let seconds = dates.map(\.timeIntervalSince1970)
        return parallelMap(dates.count) { i in
            related(to: i, seconds: seconds, topicArticles: topicArticles, articleTopics: articleTopics)
        }
    }

    static func related(to i: Int, seconds: [Double], topicArticles: [[Int]], articleTopics: [[Int]]) -> [Int] {
        var candidates: [Int] = []
        candidates.reserveCapacity(articleTopics[i].count * window * 2)
        for t in articleTopics[i] {
            let list = topicArticles[t]
            let position = list.lowerBound(of: i)
            candidates += list[max(0, position - window)..<position]
            let after = position < list.count && list[position] == i ? position + 1 : position
            candidates += list[after..<min(list.count, after + window)]
        }
        candidates.sort()

        // Run-length count the shared topics, keeping the best `count` in a small sorted buffer.
        var best: [(shared: Int, distance: Double, j: Int)] = []
        func better(_ a: (shared: Int, distance: Double, j: Int), _ b: (shared: Int, distance: Double, j: Int)) -> Bool {
            (a.shared, -a.distance, -a.j) > (b.shared, -b.distance, -b.j)
        }
        var k = 0
        while k < candidates.count {
            let j = candidates[k]
            var shared = 0
            while k < candidates.count, candidates[k] == j {
                shared += 1
                k += 1
            }
            let entry = (shared: shared, distance: abs(seconds[i] - seconds[j]), j: j)
            if best.count < count || better(entry, best[best.count - 1]) {
                let at = best.firstIndex { better(entry, $0) } ?? best.count
                best.insert(entry, at: at)
                if best.count > count { best.removeLast() }
            }
        }
        var result = best.map(\.j)
        if result.count < minimum { fill(&result, around: i, seconds: seconds) }
        return result
    }

    /// Adds the articles nearest in time to `i` (either side) until there are `minimum`.
    private static func fill(_ result: inout [Int], around i: Int, seconds: [Double]) {
        var newer = i - 1, older = i + 1
        while result.count < minimum, newer >= 0 || older < seconds.count {
            let takeNewer: Bool
            if newer < 0 {
                takeNewer = false
            } else if older >= seconds.count {
                takeNewer = true
            } else {
                takeNewer = seconds[newer] - seconds[i] <= seconds[i] - seconds[older]
            }
            let j = takeNewer ? newer : older
            if takeNewer { newer -= 1 } else { older += 1 }
            if !result.contains(j) { result.append(j) }
        }
    }
}
