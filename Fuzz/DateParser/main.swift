import Foundation

/// DateParser on two kinds of input, in six zones (the first byte picks the zone and the kind):
/// - arbitrary text: a date it accepts has in-range wall-clock fields in the site's zone and
///   survives being written with `DateFormats` (RFC 3339, and the `19 November 2025` form) and
///   parsed again;
/// - dates assembled from fields (in or out of range, every accepted form, with or without a
///   zone): the parser accepts exactly the valid ones and returns the instant an independent
///   calendar computation gives, or for a wall-clock time in the site's zone an instant with
///   that wall-clock time, unless the time falls in a daylight-saving gap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let zone = Int(data[0] & 0x7F) % zones.count
    if data[0] & 0x80 == 0 {
        checkText(text(data + 1, size - 1), zone: zone)
    } else {
        var reader = Reader(bytes: UnsafeBufferPointer(start: data + 1, count: size - 1))
        checkFields(&reader, zone: zone)
    }
    return 0
}

let zones: [TimeZone] = [
    TimeZone(identifier: "UTC")!, TimeZone(secondsFromGMT: 5 * 3600 + 45 * 60)!,
    TimeZone(identifier: "America/New_York")!, TimeZone(identifier: "Europe/London")!,
    TimeZone(identifier: "Australia/Lord_Howe")!, TimeZone(identifier: "Asia/Karachi")!,
]
let parsers = zones.map(DateParser.init(timeZone:))

private func checkText(_ input: String, zone: Int) {
    guard case .success(let date) = parsers[zone].parse(input) else { return }
    let civil = CivilTime(date, in: zones[zone])
    checkRanges(civil, "\(shown(input)) in \(zones[zone].identifier)")
    // The written forms have no year 0 or 10000, and RFC 3339 offsets have no seconds.
    guard (1...9999).contains(civil.year) else { return }
    if civil.offset % 60 == 0 {
        let written = DateFormats.rfc3339(civil)
        let again = parsers[zone].parse(written)
        let whole = date.timeIntervalSince1970 - Double(civil.nanosecond) / 1e9
        check((try? again.get()).map { abs($0.timeIntervalSince1970 - whole) < 1e-3 } == true,
              "\(shown(input)) -> \(date.timeIntervalSince1970) -> \(written) -> \(again)")
    }
    // `display` writes the year without padding, and the written forms take four digits.
    guard civil.year >= 1000 else { return }
    let day = DateFormats.display(civil)
    guard case .success(let midnight) = parsers[zone].parse(day) else {
        return check(false, "\(shown(input)) -> \(day) is not accepted")
    }
    let back = CivilTime(midnight, in: zones[zone])
    check((back.year, back.month, back.day) == (civil.year, civil.month, civil.day) || inGap(civil, zone: zone),
          "\(shown(input)) -> \(day) -> \(back)")
}

/// Builds a date text from fields that may be out of range.
private func checkFields(_ reader: inout Reader, zone: Int) {
    let year = reader.int(10_000), month = reader.int(14), day = reader.int(33)
    let hour = reader.int(25), minute = reader.int(61), second = reader.int(61)
    let form = reader.int(8)
    var text: String
    var offset: Int?  // seconds east of UTC, when the text has a zone
    var valid = (1...9999).contains(year) && (1...12).contains(month) && (1...daysIn(year, month)).contains(day)
    var fields = (hour: 0, minute: 0, second: 0, nanos: 0)
    switch form {
    case 0: text = "\(day) \(monthName(month, &reader)) \(pad(year, 4))"
    case 1: text = "\(monthName(month, &reader)) \(day), \(pad(year, 4))"
    case 2: text = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
    default:
        text = "\(pad(year, 4))-\(pad(month))-\(pad(day))\(reader.int(2) == 0 ? "T" : " ")\(pad(hour)):\(pad(minute))"
        fields.hour = hour
        fields.minute = minute
        valid = valid && hour < 24 && minute < 60
        if reader.int(2) == 0 {
            text += ":\(pad(second))"
            fields.second = second
            valid = valid && second < 60
            let digits = reader.int(13)
            if digits > 0 {
                let fraction = (0..<digits).map { _ in String(reader.int(10)) }.joined()
                text += "." + fraction
                fields.nanos = Int(fraction.prefix(9).padding(toLength: 9, withPad: "0", startingAt: 0))!
            }
        }
        switch reader.int(4) {
        case 0: break
        case 1:
            text += "Z"
            offset = 0
        default:
            let hours = reader.int(16), minutes = reader.int(61), west = reader.int(2) == 1
            text += "\(west ? "-" : "+")\(pad(hours))\(reader.int(2) == 0 ? ":" : "")\(pad(minutes))"
            offset = (hours * 3600 + minutes * 60) * (west ? -1 : 1)
            valid = valid && hours <= 14 && minutes < 60
        }
    }
    let result = parsers[zone].parse(text)
    guard valid else {
        return check((try? result.get()) == nil, "\(text) is invalid but was accepted")
    }
    guard case .success(let date) = result else { return check(false, "\(text) was refused: \(result)") }
    let local = daysSince1970(year, month, day) * 86_400 + fields.hour * 3600 + fields.minute * 60 + fields.second
    let fraction = Double(fields.nanos) / 1e9
    let describe = "\(text) in \(zones[zone].identifier) -> \(date.timeIntervalSince1970)"
    checkRanges(CivilTime(date, in: zones[zone]), describe)
    if let offset {
        check(abs(date.timeIntervalSince1970 - (Double(local - offset) + fraction)) < 1e-4, describe)
    } else {
        let offsets = validOffsets(local: local, zone: zone)
        check(offsets.isEmpty || offsets.contains { abs(date.timeIntervalSince1970 - (Double(local - $0) + fraction)) < 1e-4 },
              "\(describe), expected local \(local) with an offset among \(offsets)")
    }
}

/// The offsets at which the wall-clock time `local` (seconds since 1970 on the local calendar)
/// exists in the zone: empty in a gap, two in an overlap.
private func validOffsets(local: Int, zone: Int) -> [Int] {
    let tz = zones[zone]
    let candidates = Set([-86_400, 0, 86_400].map { tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local + $0))) })
    return candidates.filter { tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - $0))) == $0 }.sorted()
}

private func inGap(_ civil: CivilTime, zone: Int) -> Bool {
    validOffsets(local: daysSince1970(civil.year, civil.month, civil.day) * 86_400, zone: zone).isEmpty
}

private func checkRanges(_ civil: CivilTime, _ describe: @autoclosure () -> String) {
    check((1...12).contains(civil.month) && (1...daysIn(civil.year, civil.month)).contains(civil.day)
          && (0..<24).contains(civil.hour) && (0..<60).contains(civil.minute) && (0..<60).contains(civil.second)
          && (0..<1_000_000_000).contains(civil.nanosecond), "\(describe()): wall-clock fields out of range: \(civil)")
}

/// Days from 1970-01-01 on the proleptic Gregorian calendar, counted from year 1 (not Hinnant's algorithm).
private func daysSince1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = year - 1
    var days = y * 365 + y / 4 - y / 100 + y / 400
    for m in 1..<month { days += daysIn(year, m) }
    return days + day - 1 - 719_162
}

private func daysIn(_ year: Int, _ month: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1 + 12) % 12]
}

private let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]

/// The month's name: full, abbreviated or `Sept`, in mixed case; a made-up word for month 0 or 13.
private func monthName(_ month: Int, _ reader: inout Reader) -> String {
    guard (1...12).contains(month) else { return ["Smarch", "Undecember", "Ju"][reader.int(3)] }
    let full = names[month - 1]
    var name: String
    switch reader.int(3) {
    case 0: name = full
    case 1: name = String(full.prefix(3))
    default: name = month == 9 ? "Sept" : full
    }
    if reader.int(2) == 1 { name = name.uppercased() } else if reader.int(2) == 1 { name = name.lowercased() }
    return name
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// Small numbers taken from the input, zero once it runs out.
private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func int(_ limit: Int) -> Int {
        var value = 0
        for _ in 0..<(limit > 256 ? 2 : 1) {
            value = value << 8 | Int(index < bytes.count ? bytes[index] : 0)
            index += 1
        }
        return value % limit
    }
}
