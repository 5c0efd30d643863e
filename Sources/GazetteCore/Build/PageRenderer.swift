import Foundation
import GazetteMustache
import Synchronization

/// Renders pages on every core and hands their bytes to the recorder. An article's body is read from its
/// file, rendered and dropped with its page, unless a feed needs it later.
struct PageRenderer: Sendable {
    let context: SiteContext
    let library: TemplateLibrary
    let recorder: OutputRecorder
    /// Articles whose body the feeds to write need.
    let keepBodies: Set<Int>
    let progress: (@Sendable (BuildProgress) -> Void)?
    /// Takes each article's body as it is rendered, when the search index is to be written.
    var search: SearchIndexBuilder? = nil

    struct Result {
        /// The bodies (HTML) the feeds need.
        var bodies: [Int: String]
        var diagnostics: [Diagnostic]
    }

    /// Renders `pages` (each with the file it goes to and its fingerprint) and writes them.
    func render(_ pages: [(page: Page, path: String, fingerprint: UInt64)]) -> Result {
        let view = PageView(context: context)
        let markdown = MarkdownRenderer(unsafe: context.config.markdownUnsafe)
        let bodies = Mutex<[Int: String]>([:])
        let done = Atomic<Int>(0)
        let problems = parallelMap(pages.count) { p -> Diagnostic? in
            defer { report(done.add(1, ordering: .relaxed).newValue, of: pages.count) }
            let (page, path, fingerprint) = pages[p]
            var content: String?
            if case .article(let i) = page.kind {
                switch body(of: i, markdown) {
                case .success(let html):
                    content = html
                    search?.add(article: i, bodyHTML: html)
                    if keepBodies.contains(i) { bodies.withLock { $0[i] = html } }
                case .failure(let diagnostic):
                    return diagnostic
                }
            }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(32 * 1024)
            do {
                try library.render(page.template, view.root(for: page, content: content), into: &buffer)
                try recorder.write(buffer, to: path, fingerprint: fingerprint)
            } catch let error as TemplateError {
                return Diagnostic(file: error.file, line: error.line, column: error.column,
                                  message: "\(error.message) (rendering \(page.route.path))")
            } catch let error as OutputError {
                return .error(error.message, in: path)
            } catch {
                return .error("\(error)", in: path)
            }
            return nil
        }
        return Result(bodies: bodies.withLock { $0 }, diagnostics: problems.compactMap { $0 })
    }

    /// The bodies of articles whose pages were not rendered this time, for the feeds, and the files
    /// that could not be read.
    func bodies(of articles: Set<Int>) -> (bodies: [Int: String], diagnostics: [Diagnostic]) {
        let markdown = MarkdownRenderer(unsafe: context.config.markdownUnsafe)
        let list = Array(articles)
        var bodies: [Int: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (i, result) in zip(list, parallelMap(list.count) { body(of: list[$0], markdown) }) {
            switch result {
            case .success(let html): bodies[i] = html
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return (bodies, diagnostics)
    }

    /// Analyzes for search the bodies of articles whose pages were not rendered this time and that the
    /// cache had no terms for; returns the files that could not be read. Each body is dropped once
    /// analyzed: after a change of analysis, that is every article of the archive.
    func index(_ articles: Set<Int>, into search: SearchIndexBuilder) -> [Diagnostic] {
        let markdown = MarkdownRenderer(unsafe: context.config.markdownUnsafe)
        let list = Array(articles)
        return parallelMap(list.count) { n -> Diagnostic? in
            switch body(of: list[n], markdown) {
            case .success(let html):
                search.add(article: list[n], bodyHTML: html)
                return nil
            case .failure(let problem):
                return problem
            }
        }.compactMap { $0 }
    }

    /// Reads article `i`'s Markdown body from its file again and renders it.
    private func body(of i: Int, _ markdown: MarkdownRenderer) -> Swift.Result<String, Diagnostic> {
        let source = context.index.articles[i].source
        guard let bytes = FileIO.read(source.path), bytes.count >= source.bodyOffset,
              StableHash.of(bytes) == source.contentHash else {
            return .failure(.error("file changed or vanished during the build; build again", in: source.displayPath))
        }
        return .success(markdown.render(String(decoding: bytes[source.bodyOffset...], as: UTF8.self)).html)
    }

    private func report(_ done: Int, of total: Int) {
        guard let progress, done % 256 == 0 || done == total else { return }
        progress(BuildProgress(stage: "render", done: done, total: total))
    }
}

extension Diagnostic: Error {}
