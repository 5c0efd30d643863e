/// The bytes at which a copying scanner must stop and look closer; every other byte is copied as part
/// of a run. A table of 256 flags: one load per byte, where a chain of comparisons costs several.
/// For HTML escaping here, and for XML and JSON text in the build.
package struct StopBytes: Sendable {
    private let table: [Bool]

    package init(_ stops: (UInt8) -> Bool) {
        table = (0...255).map { stops(UInt8($0)) }
    }

    package func contains(_ byte: UInt8) -> Bool {
        table[Int(byte)]
    }

    /// The index of the first stop byte in `bytes[start...]`, or `bytes.count` when there is none.
    @inline(__always)
    package func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        table.withUnsafeBufferPointer { stops in
            var i = start
            while i < bytes.count, !stops[Int(bytes[i])] { i += 1 }
            return i
        }
    }
}
