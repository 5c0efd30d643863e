import Foundation
import Testing
@testable import GazetteCore

/// Reading a built site's search index as the script does.
extension TestSite {
    /// An output file parsed as JSON.
    func json(_ path: String) throws -> Any {
        let text = try #require(output(path), "missing \(path)")
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The four posting sets of `term` (title, meta, body, strong body), found as the script finds them:
    /// manifest, terms file, postings file. Nil when the index has no such term.
    func postings(_ term: String) throws -> [[UInt32]]? {
        let meta = try #require(try json("search/meta.json") as? [String: Any])
        let firsts = try #require(meta["terms"] as? [String])
        let file = firsts.lastIndex { !term.utf8.lexicographicallyPrecedes($0.utf8) } ?? 0
        let entries = try #require(try json("search/terms/\(file).json") as? [[Any]])
        guard let entry = entries.first(where: { $0[0] as? String == term }) else { return nil }
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("Output/search/postings/\(entry[2] as! Int).bin")))
        var offset = entry[3] as! Int
        let sets = try (0..<4).map { _ in try #require(PostingSet.decode(bytes, at: &offset)) }
        #expect(offset - (entry[3] as! Int) == entry[4] as! Int)
        return sets
    }
}
