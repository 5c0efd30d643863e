import Foundation
import GazetteCore

/// Diagnostics go to standard error, one a line, like a compiler's.
enum Terminal {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
