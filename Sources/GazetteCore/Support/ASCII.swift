extension UInt8 {
    /// `0`–`9`, `A`–`Z`, `a`–`z`.
    var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A)
    }
}
