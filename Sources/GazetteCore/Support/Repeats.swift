/// For each item equal to an earlier one, its position and the position of the first item equal to it,
/// in increasing order of position: what a dictionary of first owners finds, item after item. The
/// items are hashed on every core and their positions sorted by hash, so that only items of one hash
/// are compared; a dictionary would hash and insert every item on one core (the URLs of every article,
/// the output path of every page, on every build).
func repeats<T: Equatable & Sendable>(in items: [T], hash: @Sendable (T) -> UInt64) -> [(position: Int, first: Int)] {
    let hashes = parallelMap(items.count) { hash(items[$0]) }
    let order = items.indices.sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
    var found: [(position: Int, first: Int)] = []
    var start = 0
    while start < order.count {
        var end = start + 1
        while end < order.count, hashes[order[end]] == hashes[order[start]] { end += 1 }
        // Positions of one hash, in increasing order: the first equal one before each is its first owner.
        for k in start + 1..<max(start + 1, end) {
            let position = order[k]
            if let first = order[start..<k].first(where: { items[$0] == items[position] }) { found.append((position, first)) }
        }
        start = end
    }
    return found.sorted { $0.position < $1.position }
}
