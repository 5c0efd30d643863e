extension Template.Renderer {
    /// Resolves a pre-split name against the context stack.
    ///
    /// The first component is searched from the top of the stack down; the remaining
    /// components are looked up in the value found, without falling back to the stack (the
    /// specification's "dotted names" rule). A missing name is `null`; an empty path is the
    /// top of the stack, the implicit iterator `{{.}}`.
    func lookup(_ path: Range<Int>, in names: [String]) -> TemplateValue {
        guard let start = path.first else { return stack[stack.count - 1] }
        let first = names[start]
        // Walked through a buffer pointer, so that each level is read in place rather than copied out.
        let found: TemplateValue? = stack.withUnsafeBufferPointer { levels in
            var level = levels.count - 1
            while level >= 0 {
                if let value = levels[level].value(forKey: first) { return value }
                level -= 1
            }
            return nil
        }
        guard var value = found else { return .null }
        for position in path.dropFirst() {
            guard let next = value.value(forKey: names[position]) else { return .null }
            value = next
        }
        return value
    }
}
