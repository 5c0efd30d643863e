/// Every byte value at every position of an eight-byte chunk of `a`s: for the scanners that test eight
/// bytes at a time.
enum ChunkCases {
    static func forEach(_ body: (_ byte: Int, _ position: Int, _ chunk: UInt64) -> Void) {
        let letters = UInt64(0x61) &* 0x0101_0101_0101_0101
        for byte in 0...255 {
            for position in 0..<8 {
                let shift = UInt64(position * 8)
                body(byte, position, letters & ~(0xFF &<< shift) | UInt64(byte) &<< shift)
            }
        }
    }
}
