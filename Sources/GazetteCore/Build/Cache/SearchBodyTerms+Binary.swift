/// Search bodies and their term list in the build cache, with the source records.
extension BinaryWriter {
    mutating func write(_ body: SearchBodyTerms?) {
        write(body != nil)
        guard let body else { return }
        write(body.length)
        write(body.excerpt)
        write(bytes: body.packed)
        write(bytes: body.head)
    }

    mutating func write(_ terms: SearchTermList) {
        write(bytes: terms.encoded)
    }
}

extension BinaryReader {
    /// A body's terms as written; their numbers are checked against the term list only when they are used.
    mutating func searchBody() throws(Corrupt) -> SearchBodyTerms? {
        guard try bool() else { return nil }
        let length = try int()
        let excerpt = try string()
        return SearchBodyTerms(packed: try rawBytes(), head: try rawBytes(), length: length, excerpt: excerpt)
    }

    mutating func searchTerms() throws(Corrupt) -> SearchTermList {
        guard let terms = SearchTermList(encoded: try rawBytes()) else { throw Corrupt() }
        return terms
    }
}
