extension Template.Parser {
    /// Interns a dotted name; nil (after reporting) when it has an empty component.
    mutating func path(_ token: Template.Token) -> Int? {
        if let index = pathIndex[token.name] { return index }
        let components = token.name == "." ? [] : token.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else {
            report(token.start, "invalid name '\(token.name)'")
            return nil
        }
        pathIndex[token.name] = paths.count
        paths.append(names.count..<names.count + components.count)
        names += components
        return paths.count - 1
    }

    mutating func resolve(_ token: Template.Token, _ kind: String) -> Int? {
        guard let index = templates[token.name] else {
            report(token.start, "unknown \(kind) '\(token.name)'")
            return nil
        }
        return index
    }

    /// Interns the token's indentation, less what an enclosing override strips; -1 for none.
    mutating func indent(_ token: Template.Token) -> Int {
        let indent = token.indent.dropFirst(min(strip, token.indent.count))
        guard !indent.isEmpty else { return -1 }
        indents.append(Array(indent))
        return indents.count - 1
    }

    mutating func tag(_ token: Template.Token) -> Int {
        let (line, column) = lines.position(of: token.start)
        tags.append(Template.TagPosition(line: line, column: column))
        return tags.count - 1
    }

    func describe(_ kind: Template.Token.Kind) -> String {
        switch kind {
        case .inverted: "inverted section"
        case .parent: "parent"
        case .block: "block"
        default: "section"
        }
    }

    mutating func report(_ offset: Int, _ message: String) {
        problems.append(Template.Lexer.Problem(offset: offset, message: message))
    }
}
