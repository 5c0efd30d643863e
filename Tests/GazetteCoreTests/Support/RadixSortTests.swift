import Testing
@testable import GazetteCore

@Suite struct RadixSortTests {
    @Test func sortsAsTheStandardLibraryDoes() {
        var generator = SplitMix(seed: 3)
        for count in [0, 1, 2, 5, 32, 33, 100, 300, 1000, 5000] {
            for maximum in [UInt32(1), 200, 255, 256, 70_000, 1 << 24, UInt32.max] {
                var numbers = (0..<count).map { _ in UInt32.random(in: 0...maximum, using: &generator) }
                let expected = numbers.sorted()
                numbers.radixSort()
                #expect(numbers == expected, "\(count) numbers up to \(maximum)")
            }
        }
    }

    @Test func keepsRepeatsAndSortedInput() {
        var numbers: [UInt32] = Array(repeating: 7, count: 50) + Array(0..<100) + [UInt32.max, 0]
        let expected = numbers.sorted()
        numbers.radixSort()
        #expect(numbers == expected)
        numbers.radixSort()
        #expect(numbers == expected)
    }
}
