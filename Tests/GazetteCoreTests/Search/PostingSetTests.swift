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
