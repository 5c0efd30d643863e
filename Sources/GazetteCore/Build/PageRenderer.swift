import Foundation
import GazetteMustache
import Synchronization

/// Renders pages on every core and hands their bytes to the sink. An article's body is read from its
/// file, rendered and dropped with its page, unless a feed needs it later.
struct PageRenderer: Sendable {
    let context: SiteContext
    let library: TemplateLibrary
    let sink: any OutputSink
    let paths: DisplayPaths
    /// Articles whose body HTML the feeds need.
    let keepBodies: Set<Int>
    /// Takes each article's body as it is rendered, when the site has search.
    var search: SearchIndexBuilder? = nil

    struct Result {
        var bodies: [Int: String]
        var diagnostics: [Diagnostic]
    }

    func render(_ pages: [Page]) -> Result {
        let view = PageView(context: context)
        let markdown = MarkdownRenderer(unsafe: context.config.markdownUnsafe)
        let bodies = Mutex<[Int: String]>([:])
        let problems = parallelMap(pages.count) { p -> Diagnostic? in
            let page = pages[p]
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
                try sink.write(buffer, to: page.route.outputPath)
            } catch let error as TemplateError {
                return Diagnostic(file: error.file, line: error.line, column: error.column,
                                  message: "\(error.message) (rendering \(page.route.path))")
            } catch let error as OutputError {
                return .error(error.message, in: page.route.outputPath)
            } catch {
                return .error("\(error)", in: page.route.outputPath)
            }
            return nil
        }
        return Result(bodies: bodies.withLock { $0 }, diagnostics: problems.compactMap { $0 })
    }

    /// Reads article `i`'s Markdown body from its file again and renders it.
    private func body(of i: Int, _ markdown: MarkdownRenderer) -> Swift.Result<String, Diagnostic> {
        let source = context.index.articles[i].source
        guard let data = FileManager.default.contents(atPath: source.url.path), data.count >= source.bodyOffset else {
            return .failure(.error("file changed or vanished during the build", in: source.displayPath))
        }
        let text = String(decoding: data[source.bodyOffset...], as: UTF8.self)
        return .success(markdown.render(text).html)
    }
}

extension Diagnostic: Error {}
