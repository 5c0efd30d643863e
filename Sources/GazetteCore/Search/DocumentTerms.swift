/// The terms of one article while it is being indexed: which fields each term is in, and how often it
/// occurs in the body. Dropped once merged into the index, so memory holds postings, not texts.
struct DocumentTerms {
    /// The fields a term can be found in, as bits.
    struct Fields: OptionSet, Hashable {
        let rawValue: UInt8
        static let title = Fields(rawValue: 1)
        /// Topics, dateline, summary and highlights.
        static let meta = Fields(rawValue: 2)
        static let body = Fields(rawValue: 4)
    }

    struct Entry {
        var fields: Fields
        /// Occurrences in the body, up to 255.
        var bodyCount: UInt8
    }

    private(set) var terms: [String: Entry] = [:]
    /// Words in the body.
    private(set) var bodyLength = 0

    init() {
        terms.reserveCapacity(256)
    }

    mutating func add(_ term: String, in field: Fields) {
        if field == .body { bodyLength += 1 }
        let count: UInt8 = field == .body ? 1 : 0
        if let entry = terms[term] {
            terms[term] = Entry(fields: entry.fields.union(field), bodyCount: entry.bodyCount &+ (entry.bodyCount == 255 ? 0 : count))
        } else {
            terms[term] = Entry(fields: field, bodyCount: count)
        }
    }
}
