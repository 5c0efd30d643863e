/// The template engine on arbitrary text: the input, split at 0xFF bytes (never valid UTF-8),
/// gives the main template and two partials `a` and `b` (fixed ones when missing), compiled
/// beside a fixed layout with blocks and rendered against a small fixed data tree.
///
/// Compile errors and the recursion error are fine; crashes and hangs are not. Checked too:
/// every error has a position inside its template; the output is valid UTF-8; the main template
/// compiled alone against a fixed library renders like the library's own copy; two renders agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0xFF, maxSplits: 2, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    var templates = fixed
    templates["main"] = parts[0]
    if parts.count > 1 { templates["a"] = parts[1] }
    if parts.count > 2 { templates["b"] = parts[2] }

    let library: TemplateLibrary
    do {
        library = try TemplateLibrary(templates: templates)
    } catch {
        checkPositions(error, templates)
        compileAlone(parts[0])
        return 0
    }
    let first = render { (buffer: inout [UInt8]) throws(TemplateError) in try library.render("main", tree, into: &buffer) }
    let second = render { (buffer: inout [UInt8]) throws(TemplateError) in try library.render("main", tree, into: &buffer) }
    check(first == second, "two renders differ")
    if parts.count == 1, let alone = compileAlone(parts[0]), let output = try? first.get() {
        // Compiled against the fixed partials, the same text must render the same way.
        check((try? alone.get()) == output, "compile(_:file:) renders differently from the library's template")
    }
    return 0
}

/// The rendered bytes, or the error's description.
private func render(_ body: (inout [UInt8]) throws(TemplateError) -> Void) -> Result<[UInt8], TemplateError> {
    var buffer: [UInt8] = []
    do {
        try body(&buffer)
    } catch {
        check(error.line > 0 && error.column > 0, "render error without a position: \(error)")
        return .failure(error)
    }
    check(String(validating: buffer, as: UTF8.self) != nil, "output is not valid UTF-8")
    return .success(buffer)
}

@discardableResult
private func compileAlone(_ text: String) -> Result<[UInt8], TemplateError>? {
    do {
        let template = try fixedLibrary.compile(text, file: "main")
        return render { (buffer: inout [UInt8]) throws(TemplateError) in try template.render(tree, into: &buffer) }
    } catch {
        checkPositions(error, ["main": text])
        return nil
    }
}

private func checkPositions(_ errors: TemplateErrors, _ templates: [String: String]) {
    check(!errors.errors.isEmpty, "compile failed without errors")
    for error in errors.errors {
        let name = error.file.hasSuffix(".mustache") ? String(error.file.dropLast(".mustache".count)) : error.file
        guard let source = templates[name] else {
            return check(false, "error in unknown file: \(error)")
        }
        let lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        check(error.line >= 1 && error.line <= lines.count, "line out of range: \(error)")
        let columns = String(decoding: lines[error.line - 1], as: UTF8.self).unicodeScalars.count
        check(error.column >= 1 && error.column <= columns + 1, "column out of range: \(error)")
    }
}

private let fixed: [String: String] = [
    "a": "<a>{{title}}{{#list}}[{{.}}]{{/list}}</a>\n",
    "b": "  {{>a}}\n{{^nothing}}b{{/nothing}}",
    "layout": "<h1>{{$title}}Default{{/title}}</h1>\n  {{$body}}\n  body\n  {{/body}}\n{{>a}}",
]

private let fixedLibrary = try! TemplateLibrary(templates: fixed)

private final class Lazy: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        key == "name" ? "lazy" : key == "self" ? .custom(self) : nil
    }
}

private let tree: TemplateValue = [
    "title": "Fish & <Chips> \"quoted\" 'single'",
    "count": 3, "zero": 0, "ratio": 2.5, "big": 1e300, "yes": true, "no": false, "nothing": nil, "empty": "",
    "text": "line one\nline two\n",
    "list": ["one", "two"],
    "none": [],
    "items": [["name": "first", "tags": ["x"]], ["name": "second", "flag": true]],
    "nested": ["a": ["b": ["c": "deep"]]],
    "lazy": .custom(Lazy()),
    "unicode": "اردو 中文 ✓",
]
