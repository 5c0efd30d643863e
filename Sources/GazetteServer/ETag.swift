import GazetteCore
import Foundation

/// Strong entity tags: a hash of the exact bytes sent, so a page whose overlay or script changed gets a new one.
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        "\"" + StableHash.hex(StableHash.of(bytes)) + "\""
    }

    /// Whether an `If-None-Match` header (`*`, or a list of tags, weak or strong) names `tag`.
    static func matches(_ values: [String], _ tag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                let trimmed = candidate.trimmingCharacters(in: .whitespaces)
                if trimmed == "*" || trimmed == tag || (trimmed.hasPrefix("W/") && trimmed.dropFirst(2) == tag) { return true }
            }
        }
        return false
    }
}
