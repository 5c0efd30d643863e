/// Numbers block names, so that finding a block's override compares integers.
///
/// A library numbers every block name of its templates; a template compiled later against
/// the library continues from the library's numbering, so its new names match nothing in the
/// library's templates.
struct BlockNames: Sendable {
    private(set) var ids: [String: Int] = [:]

    mutating func id(for name: String) -> Int {
        if let id = ids[name] { return id }
        ids[name] = ids.count
        return ids.count - 1
    }
}
