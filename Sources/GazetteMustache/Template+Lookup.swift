extension Template.Renderer {
    /// Resolves a pre-split name against the context stack.
    ///
    /// The first component is searched from the top of the stack down; the remaining
    /// components are looked up in the value found, without falling back to the stack (the
    /// specification's "dotted names" rule). A missing name is `null`; an empty path is the
    /// top of the stack, the implicit iterator `{{.}}`.
    func lookup(_ path: [String]) -> TemplateValue {
        guard let first = path.first else { return stack[stack.count - 1] }
        var found: TemplateValue?
        var level = stack.count - 1
        while level >= 0 {
            if let value = stack[level].value(forKey: first) {
                found = value
                break
            }
            level -= 1
        }
        guard var value = found else { return .null }
        for key in path.dropFirst() {
            guard let next = value.value(forKey: key) else { return .null }
            value = next
        }
        return value
    }
}
