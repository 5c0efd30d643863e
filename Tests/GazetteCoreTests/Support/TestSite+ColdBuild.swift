import Foundation
import Testing
@testable import GazetteCore

extension TestSite {
    /// Expects this site's output, left by incremental builds, to match a cold build of the same sources
    /// (made elsewhere) byte for byte.
    func expectSameAsColdBuild(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cold = try copySources()
        defer { cold.delete() }
        try cold.build()
        let incremental = snapshot(), fresh = cold.snapshot()
        #expect(Set(incremental.keys) == Set(fresh.keys), sourceLocation: sourceLocation)
        for (path, bytes) in fresh where incremental[path] != bytes {
            Issue.record("\(path) differs from a cold build", sourceLocation: sourceLocation)
        }
    }
}
