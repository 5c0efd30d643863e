/// Folded words to term numbers, looked up by their UTF-8 bytes so that the tokenizer's hot loop makes
/// no `String` and hashes each word once, cheaply, as it reads it. Open addressing, doubled when half full;
/// each slot holds the word's hash beside its entry, so a probe reads one array until the hashes match.
struct WordTable {
    private struct Entry {
        var start: Int32
        var length: UInt8
        var value: UInt32
    }

    /// `hash << 32 | entry + 1`; 0 is an empty slot.
    private var slots: [UInt64] = []
    private var arena: [UInt8] = []
    private var entries: [Entry] = []

    var count: Int { entries.count }

    /// Where a word's hash starts (`mix` and `finish` make the rest).
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash of a word: its bytes taken eight at a time (`ByteChunk.load`, the last chunk padded with
    /// zeros), each chunk mixed in with one multiplication, then its length. A tokenizer hashes a word as
    /// it reads it with `seed`, `mix` and `finish`; this gives the same for a word in hand.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = word.baseAddress else { return finish(seed, count: 0) }
        var state = seed
        var k = 0
        while k + 8 <= word.count {
            state = mix(state, ByteChunk.load(base + k))
            k += 8
        }
        if k < word.count { state = mix(state, ByteChunk.load(base + k, count: word.count - k)) }
        return finish(state, count: word.count)
    }

    @inline(__always)
    static func mix(_ state: UInt64, _ chunk: UInt64) -> UInt64 {
        (state ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// The high half of a last product. A product's bit n depends only on the bits up to n of what was
    /// multiplied, so the state is folded first: without that, the last byte of each chunk (its top
    /// bits) never reached the low bits of the result, which the table takes as a slot.
    @inline(__always)
    static func finish(_ state: UInt64, count: Int) -> UInt32 {
        var folded = state ^ UInt64(count)
        folded ^= folded >> 32
        return UInt32(truncatingIfNeeded: (folded &* 0xC4CE_B9FE_1A85_EC53) >> 32)
    }

    /// The value stored for `word`, if any.
    func value(for word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let code = slots[slot]
                if code == 0 { return nil }
                if UInt32(truncatingIfNeeded: code >> 32) == hash {
                    let entry = entries[Int(truncatingIfNeeded: code & 0xFFFF_FFFF) - 1]
                    if Int(entry.length) == word.count,
                       arena.withUnsafeBufferPointer({ equal($0, Int(entry.start), word) }) {
                        return entry.value
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `value` for `word`, which must not be in the table yet (and is at most 255 bytes).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, value: UInt32) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(start: Int32(arena.count), length: UInt8(word.count), value: value))
        arena.append(contentsOf: word)
        place(UInt64(hash) << 32 | UInt64(entries.count))
    }

    mutating func removeAll() {
        self = WordTable()
    }

    private mutating func place(_ code: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: code >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = code
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: max(1024, slots.count * 2))
        for code in old where code != 0 { place(code) }
    }

    private func equal(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<word.count where arena[start + k] != word[k] { return false }
        return true
    }
}
