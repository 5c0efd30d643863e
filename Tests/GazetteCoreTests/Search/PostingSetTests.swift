import Testing
@testable import GazetteCore

@Suite struct PostingSetTests {
    func roundTrip(_ ids: [UInt32]) -> (bytes: [UInt8], decoded: [UInt32]?) {
        var bytes: [UInt8] = []
        PostingSet.encode(ids, into: &bytes)
        var offset = 0
        let decoded = PostingSet.decode(bytes, at: &offset)
        #expect(offset == bytes.count)
        return (bytes, decoded)
    }

    @Test func sparseSetsAreGaps() {
        let ids: [UInt32] = [3, 130, 131, 5000, 1_000_000]
        let (bytes, decoded) = roundTrip(ids)
        #expect(decoded == ids)
        #expect(bytes[1] == 0)  // gaps
        #expect(bytes.count < 16)
    }

    @Test func denseSetsAreBitmaps() {
        let ids = (0..<100_000).filter { $0 % 3 != 0 }.map(UInt32.init)
        let (bytes, decoded) = roundTrip(ids)
        #expect(decoded == ids)
        #expect(bytes[3] == 1 || bytes[4] == 1)  // after the count's varint
        #expect(bytes.count <= 100_000 / 8 + 16)
    }

    /// The bytes of the format's definition (gaps when they take at most six bytes more than the
    /// bitmap), for random sets of every density, written after other bytes as the index writes them.
    @Test func encodingFollowsTheDefinition() {
        func reference(_ ids: [UInt32]) -> [UInt8] {
            var out: [UInt8] = []
            PostingSet.appendVarint(UInt64(ids.count), to: &out)
            guard let first = ids.first, let last = ids.last else { return out }
            var gaps: [UInt8] = []
            var previous: UInt32 = 0
            for id in ids {
                PostingSet.appendVarint(UInt64(id - previous), to: &gaps)
                previous = id
            }
            let start = first & ~7, length = Int((last - start) / 8 + 1)
            if gaps.count <= length + 6 { return out + [0] + gaps }
            out.append(1)
            PostingSet.appendVarint(UInt64(start), to: &out)
            PostingSet.appendVarint(UInt64(length), to: &out)
            var bitmap = [UInt8](repeating: 0, count: length)
            for id in ids { bitmap[Int(id - start) >> 3] |= 1 << UInt8(Int(id - start) & 7) }
            return out + bitmap
        }
        var generator = SplitMix(seed: 11)
        var kinds: Set<UInt8> = []
        for round in 0..<2_000 {
            let spread = UInt64([2, 8, 64, 1_000, 100_000][round % 5])
            var ids = Set<UInt32>()
            for _ in 0..<Int(generator.next() % 40) { ids.insert(UInt32(generator.next() % spread)) }
            let sorted = ids.sorted()
            let prefix = [UInt8](repeating: 0xAB, count: round % 3)
            var out = prefix
            PostingSet.encode(sorted, into: &out)
            #expect(out == prefix + reference(sorted), "\(sorted)")
            if sorted.count > 0 { kinds.insert(out[prefix.count + (sorted.count < 128 ? 1 : 2)]) }
        }
        #expect(kinds == [0, 1])  // both encodings were met
    }

    @Test func emptyAndSingle() {
        #expect(roundTrip([]).bytes == [0])
        #expect(roundTrip([]).decoded == [])
        #expect(roundTrip([7]).decoded == [7])
        #expect(roundTrip([UInt32(PostingCode.maximumArticles - 1)]).decoded == [UInt32(PostingCode.maximumArticles - 1)])
    }

    @Test func truncatedBytesAreRejectedNotTrapped() {
        var bytes: [UInt8] = []
        PostingSet.encode((0..<1000).map { UInt32($0 * 2) }, into: &bytes)
        for cut in [1, 2, 5, bytes.count - 1] {
            var offset = 0
            #expect(PostingSet.decode(Array(bytes.prefix(cut)), at: &offset) == nil)
        }
    }

    @Test func postingCodesKeepTheirParts() {
        let code = PostingCode.pack(12345, fields: PostingCode.title | PostingCode.body, count: 15)
        #expect(PostingCode.id(code) == 12345)
        #expect(PostingCode.fields(code) == 5)
        #expect(PostingCode.count(code) == 15)
        #expect(PostingCode.pack(1, fields: 0, count: 0) > PostingCode.pack(0, fields: 7, count: 15))
    }
}
