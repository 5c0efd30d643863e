extension Template {
    /// A parent tag's target and the blocks it overrides.
    struct ParentInfo: Sendable {
        struct Override: Sendable {
            var id: Int
            /// Instruction range of the override's content.
            var start: Int
            var end: Int
        }

        var template: Int
        var indent: Int
        var tag: Int
        var overrides: [Override]
    }

    /// Where a section, block, partial or parent tag sits, for render-time errors.
    struct TagPosition: Sendable {
        var line: Int
        var column: Int
    }

    /// A compiled template: immutable, shared by every render.
    ///
    /// Partials and parents refer to other programs by their index in the library, so
    /// recursive partials need no reference cycle.
    final class Program: Sendable {
        /// Library name, e.g. `partials/header`, or the file name of a template compiled alone.
        let name: String
        /// The file name used in errors.
        let file: String
        let ops: [Op]
        /// Every literal, already UTF-8.
        let bytes: [UInt8]
        /// Every name's components, pre-split at the dots, one after another.
        let names: [String]
        /// Each name as a range of `names`; an empty one is the implicit iterator `{{.}}`. Ranges, not
        /// arrays of components: reading an inner array out of an array retains and releases it.
        let paths: [Range<Int>]
        let indents: [[UInt8]]
        let parents: [ParentInfo]
        let tags: [TagPosition]

        init(
            name: String, file: String, ops: [Op], bytes: [UInt8], names: [String], paths: [Range<Int>],
            indents: [[UInt8]], parents: [ParentInfo], tags: [TagPosition]
        ) {
            self.name = name
            self.file = file
            self.ops = ops
            self.bytes = bytes
            self.names = names
            self.paths = paths
            self.indents = indents
            self.parents = parents
            self.tags = tags
        }
    }
}
