import Foundation

/// Dates written out for pages and feeds, by arithmetic on `CivilTime` (no `DateFormatter` per article).
public enum DateFormats {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `2025-11-19T14:30:00+05:00` (RFC 3339, for Atom, sitemaps and `<time datetime>`).
    public static func rfc3339(_ t: CivilTime) -> String {
        Text.make { text in
            text.day(t)
            text.byte("T"); text.number(t.hour); text.byte(":"); text.number(t.minute); text.byte(":"); text.number(t.second)
            text.offset(t.offset, colon: true)
        }
    }

    /// `Wed, 19 Nov 2025 14:30:00 +0500` (RFC 822 as RSS 2.0 wants it, four-digit year).
    public static func rfc822(_ t: CivilTime) -> String {
        Text.make { text in
            text.append(weekdayNames[t.weekday].utf8.prefix(3)); text.byte(","); text.byte(" ")
            text.number(t.day); text.byte(" ")
            text.append(monthNames[t.month - 1].utf8.prefix(3)); text.byte(" ")
            text.number(t.year, width: 4); text.byte(" ")
            text.number(t.hour); text.byte(":"); text.number(t.minute); text.byte(":"); text.number(t.second); text.byte(" ")
            text.offset(t.offset, colon: false)
        }
    }

    /// `2025-11-19` (the date part of RFC 3339).
    public static func day(_ t: CivilTime) -> String {
        Text.make { $0.day(t) }
    }

    /// `19 November 2025`.
    public static func display(_ t: CivilTime) -> String {
        Text.make { text in
            text.number(t.day, width: 1); text.byte(" ")
            text.append(monthNames[t.month - 1].utf8); text.byte(" ")
            text.number(t.year, width: 1)
        }
    }

    /// `14:30`.
    public static func time(_ t: CivilTime) -> String {
        Text.make { text in
            text.number(t.hour); text.byte(":"); text.number(t.minute)
        }
    }

    /// Dates are written many times a page (lists, JSON-LD, feeds): into one byte buffer, not through
    /// string interpolation and a padded string per field.
    private struct Text {
        /// On the stack: a date is at most 47 bytes (RFC 822 with a 20-character year), and the string made
        /// from it the only allocation (none at all for 15 bytes or fewer).
        static let capacity = 64
        private let buffer: UnsafeMutableBufferPointer<UInt8>
        private var count = 0

        static func make(_ write: (inout Text) -> Void) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var text = Text(buffer: buffer)
                write(&text)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<text.count]), as: UTF8.self)
            }
        }

        private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
            self.buffer = buffer
        }

        private mutating func put(_ byte: UInt8) {
            precondition(count < buffer.count, "a date longer than \(Self.capacity) bytes")
            buffer[count] = byte
            count += 1
        }

        mutating func byte(_ character: Unicode.Scalar) {
            put(UInt8(ascii: character))
        }

        mutating func append(_ utf8: some Sequence<UInt8>) {
            for byte in utf8 { put(byte) }
        }

        /// `value` in decimal, zero-padded to `width` digits.
        mutating func number(_ value: Int, width: Int = 2) {
            guard value >= 0 else {
                append(pad(value, width).utf8)
                return
            }
            var digits = 1
            var limit = 10
            while value >= limit, digits < 19 { digits += 1; limit &*= 10 }
            for _ in digits..<max(width, digits) { put(UInt8(ascii: "0")) }
            precondition(count + digits <= buffer.count, "a date longer than \(Self.capacity) bytes")
            var rest = value
            for position in stride(from: count + digits - 1, through: count, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            count += digits
        }

        /// `2025-11-19`.
        mutating func day(_ t: CivilTime) {
            number(t.year, width: 4); byte("-"); number(t.month); byte("-"); number(t.day)
        }

        mutating func offset(_ seconds: Int, colon: Bool) {
            if seconds == 0, colon { byte("Z"); return }
            byte(seconds < 0 ? "-" : "+")
            let minutes = abs(seconds) / 60
            number(minutes / 60)
            if colon { byte(":") }
            number(minutes % 60)
        }
    }

    /// `value` zero-padded to `width` digits (`7` → `07`); months and days, which every article's route
    /// and every date shown is made of, come from a table.
    static func pad(_ value: Int, _ width: Int = 2) -> String {
        if width == 2, twoDigits.indices.contains(value) { return twoDigits[value] }
        return String(value).leftPadded(to: width)
    }

    private static let twoDigits = (0..<100).map { $0 < 10 ? "0\($0)" : String($0) }
}
