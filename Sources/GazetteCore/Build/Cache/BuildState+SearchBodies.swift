/// The search bodies in the build state: kept with their source records, their term list kept small.
extension BuildState {
    /// The term list may hold this many terms no body has before it is rebuilt: a few deleted or edited
    /// articles cost nothing, and a rebuild (which touches every record) stays rare.
    static let unusedSearchTermsAllowed = 4096

    /// Forgets every cached search body, and the term list they refer to.
    mutating func dropSearchBodies() {
        searchTerms = SearchTermList()
        searchIndexKey = 0
        guard sources.records.contains(where: { $0.searchBody != nil || $0.replacedSearchBody != nil }) else { return }
        for position in 0..<sources.count {
            sources.modify(at: position) { record in
                record.searchBody = nil
                record.replacedSearchBody = nil
            }
        }
    }

    /// Keeps the bodies the search stage analyzed, with the term list they refer to (which continues the
    /// one the other records' bodies refer to, unless the stage could not use it).
    mutating func keepSearchBodies(_ written: SearchStage.Written, of index: SiteIndex, discardingCache: Bool) {
        if discardingCache { dropSearchBodies() }
        for (i, body) in written.bodies {
            // Pages that show a changed neighbour render again, and their bodies are analyzed again, the same.
            let path = index.articles[i].source.path
            guard let position = _sources.position(of: path) else { continue }
            // The body it replaced is of no use once its new one is in.
            if _sources.records[position].replacedSearchBody != nil { _sources.modify(at: position) { $0.replacedSearchBody = nil } }
            guard _sources.records[position].searchBody != body else { continue }
            _sources.modify(at: position) { $0.searchBody = body }
            changedSources.insert(path)
        }
        if written.terms.count - written.termsInUse > max(written.termsInUse, Self.unusedSearchTermsAllowed) {
            compactSearchTerms(written.terms)
            // Renumbered: the bodies are not the ones the index was made from, though their terms are.
            searchIndexKey = 0
        } else {
            searchTerms = SearchTermList(written.terms)
            // The index just written was made from these bodies: the next build can update it (`SearchIndexUpdate`).
            searchIndexKey = written.problems.isEmpty ? written.indexKey ?? 0 : 0
        }
    }

    /// Keeps only the terms some cached body has, numbered again in the same order, and renumbers every
    /// body; a body whose numbers do not fit `terms` is dropped (its article is analyzed again when needed).
    mutating func compactSearchTerms(_ terms: [String]) {
        var used = [Bool](repeating: false, count: terms.count)
        for position in 0..<sources.count {
            guard let body = sources.records[position].searchBody else { continue }
            let mark: (UInt32, UInt8) -> Void = { number, _ in used[Int(number)] = true }
            if !body.forEachTerm(below: terms.count, mark) || !body.forEachHeadTerm(below: terms.count, mark) {
                sources.modify(at: position) { $0.searchBody = nil }
            }
        }
        var renumbered = [UInt32](repeating: 0, count: terms.count)
        var kept: [String] = []
        for (number, term) in terms.enumerated() where used[number] {
            renumbered[number] = UInt32(kept.count)
            kept.append(term)
        }
        for position in 0..<sources.count {
            // Numbered by the list being replaced: of no use after.
            if sources.records[position].replacedSearchBody != nil { sources.modify(at: position) { $0.replacedSearchBody = nil } }
            guard let body = sources.records[position].searchBody else { continue }
            var numbers: [(number: UInt32, count: UInt8)] = []
            body.forEachTerm(below: terms.count) { numbers.append((renumbered[Int($0)], $1)) }
            var head: [(number: UInt32, fields: UInt8)] = []
            body.forEachHeadTerm(below: terms.count) { head.append((renumbered[Int($0)], $1)) }
            sources.modify(at: position) { $0.searchBody = SearchBodyTerms(terms: numbers, head: head, length: body.length, excerpt: body.excerpt) }
        }
        searchTerms = SearchTermList(kept)
    }
}
