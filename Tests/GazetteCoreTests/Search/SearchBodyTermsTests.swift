import Testing
@testable import GazetteCore

/// An article's packed terms as the index's postings are laid out from them.
@Suite struct SearchBodyTermsTests {
    let body = SearchBodyTerms(terms: [(2, 3), (5, 1), (9, 15)], head: [(0, PostingCode.title), (5, PostingCode.meta)],
                               length: 19, excerpt: "")

    func postings(of terms: SearchBodyTerms, topics: [UInt32] = [], below limit: Int) -> [(term: Int, fields: UInt8, count: UInt8)] {
        var found: [(Int, UInt8, UInt8)] = []
        topics.withUnsafeBufferPointer { topics in
            terms.forEachPosting(of: 7, topicTerms: topics, below: limit) { term, code in
                #expect(PostingCode.id(code) == 7)
                found.append((term, PostingCode.fields(code), PostingCode.count(code)))
            }
        }
        return found
    }

    @Test func everyTermOnceWithItsFieldsAndCount() {
        let found = postings(of: body, topics: [5, 6], below: 10)
        #expect(found.map(\.term) == [0, 2, 5, 6, 9])
        #expect(found.map(\.fields) == [PostingCode.title, PostingCode.body, PostingCode.meta | PostingCode.body, PostingCode.meta, PostingCode.body])
        #expect(found.map(\.count) == [0, 3, 1, 0, 15])
    }

    /// The index counts and places postings in unchecked buffers of `limit` entries: a term number at or past
    /// it (a cache made with another term list) must never be handed out.
    @Test func noTermAtOrPastTheLimitIsHandedOut() {
        let found = postings(of: body, below: 9)
        #expect(found.map(\.term) == [0, 2, 5])
        #expect(postings(of: body, below: 1).map(\.term) == [0])
        // Topics' terms too: only those below the limit are merged in.
        #expect(postings(of: body, topics: [6, 12], below: 10).map(\.term) == [0, 2, 5, 6, 9])
        #expect(postings(of: body, topics: [10], below: 10).map(\.term) == [0, 2, 5, 9])
    }
}
