/// Splits text into search terms without building a `String` per word: it walks UTF-8 bytes, folds
/// each letter (`TextFolding`) into one reused buffer and hands each finished word to a closure.
///
/// A word is a run of letters and digits; apostrophes inside it stay (`pakistan's`, for the stemmer),
/// at its ends they go. In HTML mode tags are skipped and entities end a word, so a rendered article
/// body can be read as it is.
struct Tokenizer {
    /// Longer runs (URLs, base64) are not words anyone searches for.
    static let maximumWordBytes = 64

    private var word: [UInt8] = []

    init() {
        word.reserveCapacity(Self.maximumWordBytes + 8)
    }

    /// Calls `body` with each word of `text`, folded but not stemmed, and its `WordTable.hash`; `isASCII`
    /// says whether the word is plain `a`–`z` and apostrophes (the only words the English stemmer takes).
    mutating func forEachWord(in text: String, html: Bool = false, _ body: (_ word: UnsafeBufferPointer<UInt8>, _ isASCII: Bool, _ hash: UInt32) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(in: $0, html: html, body) }
    }

    mutating func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, html: Bool, _ body: (UnsafeBufferPointer<UInt8>, Bool, UInt32) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var i = 0
        let count = bytes.count
        var letters = true  // only a–z and apostrophes so far
        while i < count {
            let byte = base[i]
            if byte &- 0x61 < 26, word.isEmpty {
                // Most words are lowercase ASCII ending at a space or punctuation: hand over the input's own
                // bytes, read and hashed eight at a time.
                var state = WordTable.seed
                var j = i
                while j + 8 <= count {
                    let chunk = ByteChunk.load(base + j)
                    let stops = Self.notLowercase(chunk)
                    if stops == 0 {
                        state = WordTable.mix(state, chunk)
                        j += 8
                        continue
                    }
                    let run = stops.trailingZeroBitCount >> 3  // letters before the first stop
                    if run > 0 { state = WordTable.mix(state, chunk & (1 &<< (run &* 8) &- 1)) }
                    j += run
                    break
                }
                if j + 8 > count {
                    // The last few bytes of the text, which a chunk would read past.
                    var end = j
                    while end < count, base[end] &- 0x61 < 26 { end += 1 }
                    if end > j { state = WordTable.mix(state, ByteChunk.load(base + j, count: end - j)) }
                    j = end
                }
                if j == count || Self.endsWord(base[j]) {
                    if j - i <= Self.maximumWordBytes {
                        body(UnsafeBufferPointer(start: base + i, count: j - i), true, WordTable.finish(state, count: j - i))
                    }
                    i = j
                    continue
                }
            }
            if byte < 0x80 {
                i += 1
                switch byte {
                case 0x61...0x7A: word.append(byte)
                case 0x41...0x5A: word.append(byte | 0x20)
                case 0x30...0x39:
                    word.append(byte)
                    letters = false
                case 0x27: word.append(0x27)
                case 0x3C where html:
                    while i < count, bytes[i] != 0x3E { i += 1 }
                    i += 1
                    flush(&letters, body)
                case 0x26 where html:
                    var j = i
                    while j < count, j - i < 10, bytes[j] == 0x23 || bytes[j].isASCIIAlphanumeric { j += 1 }
                    if j < count, bytes[j] == 0x3B { i = j + 1 }
                    flush(&letters, body)
                default: flush(&letters, body)
                }
                continue
            }
            let (scalar, length) = Self.decode(bytes, at: i)
            i += length
            guard let scalar else {
                flush(&letters, body)
                continue
            }
            switch TextFolding.classify(scalar) {
            case .separator: flush(&letters, body)
            case .ignorable: break
            case .apostrophe: word.append(0x27)
            case .letter(let letter):
                UTF8.encode(letter) { word.append($0) }
                letters = false
            case .folded(let folded):
                word.append(contentsOf: folded)
                if letters { letters = folded.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
            }
        }
        flush(&letters, body)
    }

    /// Hands the word over: apostrophes trimmed at the ends, and dropped inside words the stemmer does not take.
    @inline(__always)
    private mutating func flush(_ letters: inout Bool, _ body: (UnsafeBufferPointer<UInt8>, Bool, UInt32) -> Void) {
        // Every space and tag comes here, mostly with no word pending (the fast path took it).
        guard !word.isEmpty else { return }
        defer {
            word.removeAll(keepingCapacity: true)
            letters = true
        }
        if !letters { word.removeAll { $0 == 0x27 } }
        var start = 0, end = word.count
        while start < end, word[start] == 0x27 { start += 1 }
        while end > start, word[end - 1] == 0x27 { end -= 1 }
        guard end > start, end - start <= Self.maximumWordBytes else { return }
        word.withUnsafeBufferPointer {
            let word = UnsafeBufferPointer(rebasing: $0[start..<end])
            body(word, letters, WordTable.hash(word))
        }
    }

    /// The top bit of each byte of `chunk` that is not `a`–`z`, and no other bit.
    @inline(__always)
    static func notLowercase(_ chunk: UInt64) -> UInt64 {
        // Sums, not differences, and each byte at most 0x7F: no carry reaches the next byte, so every
        // flag is exact (the fast path needs the length of the run, not only where it ends).
        let seven = chunk & ~ByteChunk.high
        let atLeastA = seven &+ 0x1F &* ByteChunk.ones  // top bit set where the byte is 0x61 or more
        let pastZ = seven &+ 0x05 &* ByteChunk.ones  // … 0x7B or more
        let lowercase = atLeastA & ~pastZ & ~chunk & ByteChunk.high
        return ~lowercase & ByteChunk.high
    }

    /// ASCII that cannot continue a word: not a letter, a digit or an apostrophe.
    static func endsWord(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x27 && !byte.isASCIIAlphanumeric
    }

    /// The scalar starting at `i` and its length in bytes; nil for a malformed sequence.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length {
            let next = bytes[i + k]
            guard next & 0xC0 == 0x80 else { return (nil, k) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
