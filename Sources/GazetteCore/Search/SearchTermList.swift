/// The terms that cached bodies (`SearchBodyTerms`) refer to by number, as the build cache keeps them.
///
/// Held encoded (each term as a varint length and its UTF-8 bytes) and decoded only when the search index
/// is written: a build that keeps the index, the most common kind, pays one copy of the bytes and no
/// `String` per term.
struct SearchTermList: Sendable, Equatable {
    private(set) var encoded: [UInt8]
    let count: Int

    init() {
        encoded = []
        count = 0
    }

    init(_ terms: [String]) {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(terms.count * 8)
        for term in terms {
            PostingSet.appendVarint(UInt64(term.utf8.count), to: &encoded)
            encoded += term.utf8
        }
        self.encoded = encoded
        count = terms.count
    }

    /// Takes bytes from the cache; nil when they do not hold a list of terms.
    init?(encoded: [UInt8]) {
        var offset = 0, count = 0
        while offset < encoded.count {
            guard let length = PostingSet.readVarint(encoded, &offset), length <= UInt64(encoded.count - offset) else { return nil }
            offset += Int(length)
            count += 1
        }
        self.encoded = encoded
        self.count = count
    }

    /// The terms, by number.
    func terms() -> [String] {
        var terms: [String] = []
        terms.reserveCapacity(count)
        var offset = 0
        while offset < encoded.count, let length = PostingSet.readVarint(encoded, &offset) {
            terms.append(String(decoding: encoded[offset..<(offset + Int(length))], as: UTF8.self))
            offset += Int(length)
        }
        return terms
    }
}
