extension Array where Element: Comparable {
    /// The first position in this ascending array whose element is not below `value`: where `value` is,
    /// or where it would go.
    func lowerBound(of value: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
