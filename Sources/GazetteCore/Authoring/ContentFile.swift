import Foundation

/// Creates article files for `gazette new` and `gazette import`, never replacing one that exists.
enum ContentFile {
    /// Writes `text` to `url`, creating its folders; fails when the file exists (the check and the
    /// creation are one step, `O_EXCL`, so two runs cannot both think they made it).
    static func create(_ url: URL, text: String, displayPath: String) -> Diagnostic? {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return .error("cannot create folder: \(error.localizedDescription)", in: displayPath)
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return .error("file exists; it is left as it is (nothing is ever overwritten)", in: displayPath) }
            return .error("cannot create file: \(String(cString: strerror(errno)))", in: displayPath)
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else { return .error("cannot write file: \(String(cString: strerror(errno)))", in: displayPath) }
            written += result
        }
        return nil
    }
}
