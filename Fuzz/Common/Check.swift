#if canImport(Glibc)
import Glibc
#endif

/// Stops the run with a message when a property does not hold; libFuzzer then saves the input.
///
/// `precondition` would trap too, but its message is not kept in optimised builds.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    fputs("property violated: \(message())\n", stderr)
    abort()
}

/// The input as text, with invalid UTF-8 replaced, as the project reads files.
func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// `text` with non-printing characters escaped, for messages.
func shown(_ text: String) -> String {
    text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
}
