import Foundation

/// Reads plain-text dumps of wire and web copy, several articles to a file, each laid out as:
///
/// ```
/// Headline
///
/// Photo caption ending with its credit. (AFP/File)      ← optional
/// Short Url                                              ← optional
/// Published 18 November 2025                             ← optional
/// Updated 19 November 2025
/// Follow
///
/// Headline
///
///   • Key point
///   • Key point
///
/// KARACHI: First paragraph, opening with a dateline.
///
/// More paragraphs, one a line.
/// ```
///
/// The "Follow" line with a date line above it marks each article; the headline repeated under it
/// finds the headline above, and everything up to the next article's headline is the body.
/// What fits nowhere is reported with its line, not dropped silently.
public enum WireDump {
    /// The articles of `text`, and a diagnostic for every line that could not be placed.
    public static func parse(_ text: String, file: String) -> ([WireStory], [Diagnostic]) {
        var parser = Parser(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(Line.init), file: file)
        return parser.run()
    }

    struct Line {
        /// Without surrounding white space (and without a trailing `\r`).
        let text: String
        init(_ raw: Substring) { text = raw.trimmingCharacters(in: .whitespacesAndNewlines) }
        var isBlank: Bool { text.isEmpty }
        var isFollow: Bool { text.caseInsensitiveCompare("Follow") == .orderedSame }
        var isShortURL: Bool { text.caseInsensitiveCompare("Short Url") == .orderedSame }
        var isBullet: Bool { text.hasPrefix("•") }
        /// `Updated 19 November 2025` → ("Updated", "19 November 2025").
        var dateLine: (kind: String, date: String)? {
            for kind in ["Updated", "Published"] {
                guard let rest = text.stripping(prefixes: [kind + " ", kind + ": "]) else { continue }
                let date = rest.trimmingCharacters(in: .whitespaces)
                if !date.isEmpty { return (kind, date) }
            }
            return nil
        }
    }

    /// Where one article sits in the dump (0-based line numbers).
    struct Frame {
        var headline: Int?      // the headline above the header, when found
        var headerStart: Int    // first "Short Url" / date line
        var follow: Int         // the "Follow" line
        var repeated: Int?      // the headline under "Follow"
    }

    struct Parser {
        let lines: [Line]
        let file: String
        var diagnostics: [Diagnostic] = []

        init(lines: [Line], file: String) {
            self.lines = lines
            self.file = file
        }

        mutating func warn(_ message: String, _ line: Int) {
            diagnostics.append(.warning(message, in: file, line: line + 1))
        }

        mutating func error(_ message: String, _ line: Int) {
            diagnostics.append(.error(message, in: file, line: line + 1))
        }

        mutating func run() -> ([WireStory], [Diagnostic]) {
            let frames = findFrames()
            guard !frames.isEmpty else {
                error("no article recognised: each needs a headline, an 'Updated <date>' line and a 'Follow' line", 0)
                return ([], diagnostics)
            }
            let firstStart = frames[0].headline ?? frames[0].headerStart
            for n in 0..<firstStart where !lines[n].isBlank {
                warn("unrecognised text before the first article's headline: '\(lines[n].text)'", n)
            }
            var stories: [WireStory] = []
            for (n, frame) in frames.enumerated() {
                let end = n + 1 < frames.count ? (frames[n + 1].headline ?? frames[n + 1].headerStart) : lines.count
                if let story = story(frame, bodyEnd: end) { stories.append(story) }
            }
            return (stories, diagnostics)
        }

        /// Every "Follow" line with a date line right above it (below an optional "Short Url").
        mutating func findFrames() -> [Frame] {
            var frames: [Frame] = []
            var floor = 0  // the previous article's "Follow": a headline is never searched above it
            for k in lines.indices where lines[k].isFollow {
                var start = k
                var hasDate = false
                while start > floor, lines[start - 1].dateLine != nil || lines[start - 1].isShortURL {
                    hasDate = hasDate || lines[start - 1].dateLine != nil
                    start -= 1
                }
                guard hasDate else { continue }
                var repeated = k + 1
                while repeated < lines.count, lines[repeated].isBlank { repeated += 1 }
                let title = repeated < lines.count ? lines[repeated].text : ""
                // The headline: the same text a few lines above the header (a caption may sit between).
                let headline = stride(from: start - 1, through: max(floor, start - 6), by: -1).first { lines[$0].text == title }
                frames.append(Frame(headline: headline, headerStart: start, follow: k, repeated: repeated < lines.count ? repeated : nil))
                floor = k + 1
            }
            return frames
        }

        mutating func story(_ frame: Frame, bodyEnd: Int) -> WireStory? {
            guard let repeated = frame.repeated, !lines[repeated].isBullet else {
                error("no headline under the 'Follow' line", frame.follow)
                return nil
            }
            let title = lines[repeated].text
            if frame.headline == nil {
                warn("the headline '\(title)' is not above the 'Updated' line; the text above is left to the previous article", frame.headerStart)
            }
            var story = WireStory(title: title, date: "", updated: nil, dateline: nil, highlights: [], caption: nil, credit: nil,
                                  paragraphs: [], line: (frame.headline ?? repeated) + 1)
            readHeader(frame, into: &story)
            guard !story.date.isEmpty else { return nil }

            var k = repeated + 1
            while k < bodyEnd, lines[k].isBlank || lines[k].isBullet {
                if lines[k].isBullet { story.highlights.append(String(lines[k].text.dropFirst()).trimmingCharacters(in: .whitespaces)) }
                k += 1
            }
            story.highlights.removeAll { $0.isEmpty }
            let bodyStart = k
            for n in bodyStart..<bodyEnd where !lines[n].isBlank { story.paragraphs.append(lines[n].text) }
            guard let first = story.paragraphs.first else {
                error("the article '\(title)' has no body", repeated)
                return nil
            }
            if let (dateline, rest) = Self.dateline(first) {
                story.dateline = dateline
                story.paragraphs[0] = rest
            } else {
                warn("no dateline such as 'KARACHI:' opens the first paragraph", bodyStart)
            }
            return story
        }

        /// Caption, credit and dates from the lines between the headline and "Follow".
        mutating func readHeader(_ frame: Frame, into story: inout WireStory) {
            if let headline = frame.headline {
                var captionFound = false
                for n in (headline + 1)..<frame.headerStart where !lines[n].isBlank {
                    if captionFound {
                        warn("unrecognised line between the headline and 'Updated': '\(lines[n].text)'", n)
                        continue
                    }
                    captionFound = true
                    let (caption, credit) = Self.caption(lines[n].text)
                    story.caption = caption
                    story.credit = credit
                    if credit == nil { warn("the photo caption does not end with its credit in parentheses", n) }
                }
            }
            var published: String?, updated: String?
            for n in frame.headerStart..<frame.follow {
                guard let (kind, date) = lines[n].dateLine else { continue }
                switch DateParser(timeZone: .gmt).parse(date) {
                case .success: break
                case .failure(.outOfRange(let why)):
                    error("invalid date '\(date)': \(why)", n)
                    return
                case .failure(.unrecognised):
                    error("unparseable date '\(date)'; accepted forms: \(DateParser.acceptedForms)", n)
                    return
                }
                if kind == "Published" { published = date } else { updated = date }
            }
            story.date = published ?? updated ?? ""
            story.updated = updated
        }

        /// `KARACHI: Pakistan’s military …` → ("KARACHI", "Pakistan’s military …"); capitals, spaces and hyphens only.
        static func dateline(_ paragraph: String) -> (String, String)? {
            guard let colon = paragraph.firstIndex(of: ":") else { return nil }
            let place = paragraph[..<colon]
            guard place.count >= 2, place.count <= 40, place.first?.isUppercase == true,
                  place.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "-" || $0 == "." || $0 == "’" || $0 == "'" }),
                  place.last?.isUppercase == true else { return nil }
            let rest = paragraph[paragraph.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? nil : (String(place), rest)
        }

        /// `Troops in Swat. (AFP/File)` → ("Troops in Swat.", "AFP/File"); no parentheses at the end: no credit.
        static func caption(_ line: String) -> (String, String?) {
            guard line.hasSuffix(")"), let open = line.lastIndex(of: "(") else { return (line, nil) }
            let credit = line[line.index(after: open)..<line.index(before: line.endIndex)].trimmingCharacters(in: .whitespaces)
            let caption = line[..<open].trimmingCharacters(in: .whitespaces)
            guard !credit.isEmpty, !caption.isEmpty, !credit.contains("(") else { return (line, nil) }
            return (caption, credit)
        }
    }
}
