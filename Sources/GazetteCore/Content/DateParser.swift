import Foundation

/// Parses the dates articles carry: ISO 8601 dates and date-times, with or without a zone,
/// and `19 November 2025` or `November 19, 2025` as newsrooms write them.
///
/// Written by hand rather than with `DateFormatter`: it is strict (no `2025-02-30`), and fast.
public struct DateParser: Sendable {
    /// The zone of a date written without one.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public static let acceptedForms =
        "2025-11-19, 2025-11-19T14:30, 2025-11-19 14:30:00, 2025-11-19T14:30:00+05:00, 2025-11-19T09:30:00Z, 19 November 2025, November 19, 2025"

    public enum Problem: Error, Equatable {
        case unrecognised
        case outOfRange(String)
    }

    public func parse(_ text: String) -> Result<Date, Problem> {
        var scanner = Scanner(Array(text.trimmingBlanks(andNewlines: false).utf8))
        let parsed: Result<CivilTime?, Problem>
        if let first = scanner.peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
           scanner.bytes.count >= 5, scanner.bytes[4] == UInt8(ascii: "-") {
            parsed = parseISO(&scanner)
        } else {
            parsed = parseWritten(&scanner)
        }
        switch parsed {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return .failure(.unrecognised)
        case .success(let civil?): return .success(civil.date)
        }
    }

    private func parseISO(_ s: inout Scanner) -> Result<CivilTime?, Problem> {
        guard let year = s.number(digits: 4), s.skip("-"), let month = s.number(digits: 2), s.skip("-"),
              let day = s.number(digits: 2) else { return .success(nil) }
        var civil = CivilTime(year: year, month: month, day: day)
        if let problem = validateDate(civil) { return .failure(problem) }
        var hasZone = false
        if s.skip("T") || s.skip("t") || s.skip(" ") {
            guard let hour = s.number(digits: 2), s.skip(":"), let minute = s.number(digits: 2) else { return .success(nil) }
            civil.hour = hour
            civil.minute = minute
            if s.skip(":") {
                guard let second = s.number(digits: 2) else { return .success(nil) }
                civil.second = second
                if s.skip(".") || s.skip(",") {
                    let fraction = s.digits()
                    guard !fraction.isEmpty else { return .success(nil) }
                    let nanos = fraction.prefix(9) + String(repeating: "0", count: max(0, 9 - fraction.count))
                    civil.nanosecond = Int(nanos) ?? 0
                }
            }
            guard hour < 24, minute < 60, civil.second < 60 else {
                return .failure(.outOfRange("time \(hour):\(minute):\(civil.second) does not exist"))
            }
            _ = s.skip(" ")
            if s.skip("Z") || s.skip("z") {
                hasZone = true
            } else if let sign = s.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                s.index += 1
                guard let hours = s.number(digits: 2) else { return .success(nil) }
                _ = s.skip(":")
                let minutes = s.number(digits: 2) ?? 0
                guard hours <= 14, minutes < 60 else {
                    return .failure(.outOfRange("zone offset \(hours):\(minutes) is beyond ±14:00"))
                }
                civil.offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
                hasZone = true
            }
        }
        guard s.atEnd else { return .success(nil) }
        if !hasZone { civil.offset = offset(forLocal: civil) }
        return .success(civil)
    }

    /// `19 November 2025`, `19 Nov 2025`, `November 19, 2025`.
    private func parseWritten(_ s: inout Scanner) -> Result<CivilTime?, Problem> {
        let day: Int, month: Int
        if let number = s.number(digits: 1...2) {
            s.skipSpaces()
            guard let name = s.word(), let m = Self.month(named: name) else { return .success(nil) }
            (day, month) = (number, m)
        } else {
            guard let name = s.word(), let m = Self.month(named: name) else { return .success(nil) }
            s.skipSpaces()
            guard let number = s.number(digits: 1...2) else { return .success(nil) }
            _ = s.skip(",")
            (day, month) = (number, m)
        }
        s.skipSpaces()
        guard let year = s.number(digits: 4), s.atEnd else { return .success(nil) }
        var civil = CivilTime(year: year, month: month, day: day)
        if let problem = validateDate(civil) { return .failure(problem) }
        civil.offset = offset(forLocal: civil)
        return .success(civil)
    }

    private func validateDate(_ civil: CivilTime) -> Problem? {
        guard (1...9999).contains(civil.year) else { return .outOfRange("year \(civil.year) is outside 1 to 9999") }
        guard (1...12).contains(civil.month) else { return .outOfRange("month \(civil.month) does not exist") }
        let days = CivilTime.daysInMonth(civil.year, civil.month)
        guard (1...days).contains(civil.day) else {
            return .outOfRange("day \(civil.day) does not exist in \(civil.year)-\(DateFormats.pad(civil.month)), which has \(days) days")
        }
        return nil
    }

    /// The zone's offset at a wall-clock time (asked at the instant the time would have in UTC, then corrected once).
    private func offset(forLocal civil: CivilTime) -> Int {
        var utc = civil
        utc.offset = 0
        let guess = timeZone.secondsFromGMT(for: utc.date)
        utc.offset = guess
        return timeZone.secondsFromGMT(for: utc.date)
    }

    static let monthNames = DateFormats.monthNames.map { $0.lowercased() }

    static func month(named name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        return monthNames.firstIndex { $0 == lower || ($0.hasPrefix(lower) && lower.count == 3) || (lower == "sept" && $0 == "september") }
            .map { $0 + 1 }
    }
}

/// A cursor over ASCII bytes.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while peek == UInt8(ascii: " ") { index += 1 }
    }

    mutating func number(digits count: Int) -> Int? {
        number(digits: count...count)
    }

    mutating func number(digits range: ClosedRange<Int>) -> Int? {
        var value = 0, taken = 0
        while taken < range.upperBound, let byte = peek, byte >= 48, byte <= 57 {
            value = value * 10 + Int(byte - 48)
            taken += 1
            index += 1
        }
        if taken < range.lowerBound {
            index -= taken
            return nil
        }
        return value
    }

    mutating func digits() -> String {
        let start = index
        while let byte = peek, byte >= 48, byte <= 57 { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func word() -> String? {
        let start = index
        while let byte = peek, (byte | 0x20) >= 97, (byte | 0x20) <= 122 { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }
}
