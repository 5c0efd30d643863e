extension Array where Element == UInt32 {
    /// Sorts in place a byte at a time, least significant first, skipping the bytes no number uses.
    ///
    /// For the few hundred term numbers of one document: the standard library's sort compares, and its
    /// comparisons of unrelated numbers are branches the processor guesses wrong half the time; this one
    /// only counts and moves.
    mutating func radixSort() {
        let count = self.count
        guard count > 32 else {
            sortByInsertion()
            return
        }
        var used: UInt32 = 0
        for number in self { used |= number }
        withUnsafeMutableBufferPointer { numbers in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { scratch in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
                    var source = numbers, target = scratch
                    var shift: UInt32 = 0
                    while shift < 32, used >> shift != 0 {
                        counts.initialize(repeating: 0)
                        for number in source { counts[Int((number >> shift) & 0xFF)] += 1 }
                        var start = 0
                        for digit in 0..<256 {
                            let size = counts[digit]
                            counts[digit] = start
                            start += size
                        }
                        for number in source {
                            let digit = Int((number >> shift) & 0xFF)
                            target[counts[digit]] = number
                            counts[digit] += 1
                        }
                        swap(&source, &target)
                        shift += 8
                    }
                    if source.baseAddress != numbers.baseAddress {
                        _ = numbers.update(fromContentsOf: source)
                    }
                }
            }
        }
    }

    private mutating func sortByInsertion() {
        withUnsafeMutableBufferPointer { numbers in
            guard numbers.count > 1 else { return }
            for i in 1..<numbers.count {
                let number = numbers[i]
                var j = i
                while j > 0, numbers[j - 1] > number {
                    numbers[j] = numbers[j - 1]
                    j -= 1
                }
                numbers[j] = number
            }
        }
    }
}
