/// Folded words to term numbers, looked up by their UTF-8 bytes so that the tokenizer's hot loop makes
/// no `String` and hashes each word once, cheaply (FNV-1a). Open addressing, doubled when half full.
struct WordTable {
    private var slots: [Int32] = []
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [UInt8] = []
    private var hashes: [UInt32] = []
    private(set) var values: [UInt32] = []

    var count: Int { values.count }

    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The value stored for `word`, if any.
    func value(for word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, Int(lengths[entry]) == word.count,
               arena.withUnsafeBufferPointer({ memcmpEqual($0, Int(starts[entry]), word) }) {
                return values[entry]
            }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `word`, which must not be in the table yet (and is at most 255 bytes).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, value: UInt32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        starts.append(Int32(arena.count))
        arena.append(contentsOf: word)
        lengths.append(UInt8(word.count))
        hashes.append(hash)
        values.append(value)
        place(values.count - 1)
    }

    mutating func removeAll() {
        self = WordTable()
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(hashes[entry]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: max(1024, slots.count * 2))
        for entry in values.indices { place(entry) }
    }

    private func memcmpEqual(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<word.count where arena[start + k] != word[k] { return false }
        return true
    }
}
