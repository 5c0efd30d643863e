import Foundation
import GazetteMustache

/// A date for templates: `{{date.display}}`, `{{date.iso}}`, `{{date.year}}` …
final class DateView: TemplateObject {
    let time: CivilTime

    init(_ date: Date, zone: TimeZone) {
        time = CivilTime(date, in: zone)
    }

    init(_ time: CivilTime) {
        self.time = time
    }

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "iso": return .string(DateFormats.rfc3339(time))
        case "rfc822": return .string(DateFormats.rfc822(time))
        case "display": return .string(DateFormats.display(time))
        case "time": return .string(DateFormats.time(time))
        case "year": return .int(time.year)
        case "month": return .string(DateFormats.pad(time.month))
        case "month_name": return .string(DateFormats.monthNames[time.month - 1])
        case "day": return .int(time.day)
        case "weekday": return .string(DateFormats.weekdayNames[time.weekday])
        default: return nil
        }
    }
}
