extension Template {
    /// One instruction of a compiled template.
    ///
    /// Instructions are a flat array with trivial payloads (indices into the program's
    /// tables), so the render loop walks them without reference counting. A section's body is
    /// the instructions after it up to its `end`.
    enum Op: Sendable {
        /// Literal bytes `bytes[start..<end]`.
        case text(start: Int, end: Int)
        /// The value at `paths[path]`, HTML-escaped or raw.
        case variable(path: Int, escaped: Bool)
        /// Renders the body once per list item, or once for any other truthy value; `tag` indexes `tags`.
        case section(path: Int, end: Int, tag: Int)
        /// Renders the body when the value is falsey.
        case inverted(path: Int, end: Int, tag: Int)
        /// Includes another template; `indent` indexes `indents` (-1: none), `tag` indexes `tags`.
        case partial(template: Int, indent: Int, tag: Int)
        /// Includes another template with `parents[info].overrides`; the body holds the overrides
        /// and is otherwise skipped.
        case parent(info: Int, end: Int)
        /// Renders the active override for block `id`, or the body (the default content).
        case block(id: Int, indent: Int, standalone: Bool, end: Int, tag: Int)
    }
}
