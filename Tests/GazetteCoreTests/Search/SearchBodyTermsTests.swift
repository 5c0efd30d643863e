import Testing
@testable import GazetteCore

/// An article's packed terms as the index's postings are laid out from them.
@Suite struct SearchBodyTermsTests {
    let body = SearchBodyTerms(terms: [(2, 3), (5, 1), (9, 15)], head: [(0, PostingCode.title), (5, PostingCode.meta)],
                               length: 19, excerpt: "")

    func postings(of terms: SearchBodyTerms, topics: [UInt32] = [], below limit: Int, topicsBelow topicLimit: Int? = nil)
        -> (found: [(term: Int, fields: UInt8, count: UInt8)], valid: Bool) {
        var found: [(Int, UInt8, UInt8)] = []
        let valid = topics.withUnsafeBufferPointer { topics in
            terms.forEachPosting(of: 7, topicTerms: topics, below: limit, topicsBelow: topicLimit ?? limit) { term, code in
                #expect(PostingCode.id(code) == 7)
                found.append((term, PostingCode.fields(code), PostingCode.count(code)))
            }
        }
        return (found, valid)
    }

    @Test func everyTermOnceWithItsFieldsAndCount() {
        let (found, valid) = postings(of: body, topics: [5, 6], below: 10)
        #expect(valid)
        #expect(found.map(\.term) == [0, 2, 5, 6, 9])
        #expect(found.map(\.fields) == [PostingCode.title, PostingCode.body, PostingCode.meta | PostingCode.body, PostingCode.meta, PostingCode.body])
        #expect(found.map(\.count) == [0, 3, 1, 0, 15])
    }

    /// The index counts and places postings in unchecked buffers of `limit` entries: a term number at or past
    /// it (a cache made with another term list) must never be handed out, and makes the body invalid.
    @Test func noTermAtOrPastTheLimitIsHandedOut() {
        let (found, valid) = postings(of: body, below: 9)
        #expect(found.map(\.term) == [0, 2, 5] && !valid)
        let first = postings(of: body, below: 1)
        #expect(first.found.map(\.term) == [0] && !first.valid)
        // Topics' terms too: only those below their limit are merged in, and they do not make a body invalid.
        let topics = postings(of: body, topics: [6, 12], below: 10)
        #expect(topics.found.map(\.term) == [0, 2, 5, 6, 9] && topics.valid)
        #expect(postings(of: body, topics: [10], below: 10).found.map(\.term) == [0, 2, 5, 9])
        // A cached body's own terms are checked against the list it was cached with; topics, analyzed in this
        // build, against the whole dictionary.
        let cached = postings(of: body, topics: [11], below: 10, topicsBelow: 12)
        #expect(cached.found.map(\.term) == [0, 2, 5, 9, 11] && cached.valid)
    }

    @Test func aMalformedPackingIsInvalid() {
        var broken = body
        broken.packed = [0xFF]  // a varint that never ends
        let (found, valid) = postings(of: broken, below: 100)
        #expect(!valid)
        #expect(found.map(\.term) == [0, 5])  // the head's terms came first
    }
}
