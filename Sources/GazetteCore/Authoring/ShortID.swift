/// Short-URL ids for new and imported articles: the FNV-1a 64-bit hash of the title's UTF-8 bytes,
/// modulo 36⁶, as six base-36 digits (`0-9a-z`). The same title always gives the same id.
public enum ShortID {
    public static let length = 6

    public static func make(_ title: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in title.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var value = hash % 2_176_782_336  // 36^6
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var id = ""
        for _ in 0..<length {
            id.insert(digits[Int(value % 36)], at: id.startIndex)
            value /= 36
        }
        return id
    }
}
