extension String {
    /// The text with `pad` in front, to `width` characters at least (`"7"` → `"07"`).
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
