import Foundation

/// One article of a plain-text wire dump, as `gazette import` recognised it.
public struct WireStory: Sendable, Equatable {
    public var title: String
    /// The publication date as the dump writes it (`19 November 2025`); the "Updated" date when the dump has no other.
    public var date: String
    public var updated: String?
    public var dateline: String?
    public var highlights: [String]
    public var caption: String?
    public var credit: String?
    /// The body's paragraphs, the dateline taken off the first.
    public var paragraphs: [String]
    /// The 1-based line of the headline in the dump.
    public var line: Int
    /// Topics the importer was asked to give every article (wire dumps carry none).
    public var topics: [String] = []

    public var slug: String { Slug.make(title) }
    public var short: String { ShortID.make(title) }

    /// The article file: front matter, a blank line, and the paragraphs as Markdown.
    public var markdown: String {
        var text = "---\ntitle: \(YAMLText.quoted(title))\ndate: \(YAMLText.plainOrQuoted(date))\n"
        if let updated { text += "updated: \(YAMLText.plainOrQuoted(updated))\n" }
        if let dateline { text += "dateline: \(YAMLText.plainOrQuoted(dateline))\n" }
        if !topics.isEmpty { text += "topics: [" + topics.map(YAMLText.quoted).joined(separator: ", ") + "]\n" }
        text += "short: \(short)\n"
        if !highlights.isEmpty {
            text += "highlights:\n" + highlights.map { "  - \(YAMLText.quoted($0))\n" }.joined()
        }
        if let caption {
            text += "image:\n  caption: \(YAMLText.quoted(caption))\n"
            if let credit { text += "  credit: \(YAMLText.plainOrQuoted(credit))\n" }
        }
        text += "---\n\n"
        text += paragraphs.map(MarkdownText.paragraph).joined(separator: "\n\n") + "\n"
        return text
    }
}

/// Plain text made into Markdown that renders as the same text.
enum MarkdownText {
    /// Escapes what Markdown would read as markup: emphasis, code, links, HTML, strikethrough,
    /// and at the start of the paragraph headings, quotes, list markers and rules. A `•` bullet becomes a list item.
    static func paragraph(_ text: String) -> String {
        var text = text
        var prefix = ""
        if let rest = text.stripping(prefixes: ["• ", "•"]) {
            prefix = "- "
            text = rest.trimmingCharacters(in: .whitespaces)
        }
        var output = ""
        for character in text {
            if "\\`*_[]<~".contains(character) { output.append("\\") }
            output.append(character)
        }
        if prefix.isEmpty, let first = output.first {
            if "#>+-=|".contains(first) {
                output = "\\" + output
            } else if first.isNumber, let marker = output.firstIndex(where: { !$0.isNumber }),
                      output[marker] == "." || output[marker] == ")",
                      output.index(after: marker) == output.endIndex || output[output.index(after: marker)] == " " {
                output.insert("\\", at: marker)
            }
        }
        return prefix + output
    }
}

extension String {
    /// The text after the first of `prefixes` it starts with, or nil.
    func stripping(prefixes: [String]) -> String? {
        for prefix in prefixes where hasPrefix(prefix) { return String(dropFirst(prefix.count)) }
        return nil
    }
}
