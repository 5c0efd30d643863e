import Foundation

/// Dates written out for pages and feeds, by arithmetic on `CivilTime` (no `DateFormatter` per article).
public enum DateFormats {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `2025-11-19T14:30:00+05:00` (RFC 3339, for Atom, sitemaps and `<time datetime>`).
    public static func rfc3339(_ t: CivilTime) -> String {
        "\(pad(t.year, 4))-\(pad(t.month))-\(pad(t.day))T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))\(offset(t.offset, colon: true))"
    }

    /// `Wed, 19 Nov 2025 14:30:00 +0500` (RFC 822 as RSS 2.0 wants it, four-digit year).
    public static func rfc822(_ t: CivilTime) -> String {
        "\(weekdayNames[t.weekday].prefix(3)), \(pad(t.day)) \(monthNames[t.month - 1].prefix(3)) \(pad(t.year, 4)) "
            + "\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second)) \(offset(t.offset, colon: false))"
    }

    /// `19 November 2025`.
    public static func display(_ t: CivilTime) -> String {
        "\(t.day) \(monthNames[t.month - 1]) \(t.year)"
    }

    /// `14:30`.
    public static func time(_ t: CivilTime) -> String {
        "\(pad(t.hour)):\(pad(t.minute))"
    }

    static func offset(_ seconds: Int, colon: Bool) -> String {
        if seconds == 0, colon { return "Z" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(pad(minutes / 60))\(colon ? ":" : "")\(pad(minutes % 60))"
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        String(value).leftPadded(to: width)
    }
}
