import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document with namespace-blind look-ups, for checking feeds and sitemaps.
struct XML {
    let document: XMLDocument

    init(_ text: String) throws {
        document = try XMLDocument(data: Data(text.utf8), options: [])
    }

    /// Elements named `name` (local name, any namespace) under `context` (default: the whole document).
    func elements(_ name: String, in context: XMLNode? = nil) -> [XMLElement] {
        let path = context == nil ? "//*[local-name()='\(name)']" : ".//*[local-name()='\(name)']"
        return ((try? (context ?? document).nodes(forXPath: path)) ?? []).compactMap { $0 as? XMLElement }
    }

    /// An attribute's value, by local name (FoundationXML's `attribute(forName:)` misses them in a default namespace).
    static func attribute(_ name: String, of element: XMLElement?) -> String? {
        element?.attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue
    }

    /// The text of the first element named `name` under `context`.
    func text(_ name: String, in context: XMLNode? = nil) -> String? {
        elements(name, in: context).first?.stringValue
    }
}
