import Foundation
import Testing
@testable import GazetteCore

@Suite struct DateParserTests {
    let karachi = DateParser(timeZone: TimeZone(identifier: "Asia/Karachi")!)
    let utc = DateParser(timeZone: TimeZone(identifier: "UTC")!)

    func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    @Test func dateOnlyIsMidnightInTheSiteZone() throws {
        #expect(iso(try karachi.parse("2025-11-19").get()) == "2025-11-18T19:00:00Z")
        #expect(iso(try utc.parse("2025-11-19").get()) == "2025-11-19T00:00:00Z")
    }

    @Test func dateTimesWithAndWithoutZones() throws {
        #expect(iso(try karachi.parse("2025-11-19T14:30").get()) == "2025-11-19T09:30:00Z")
        #expect(iso(try karachi.parse("2025-11-19 14:30:15").get()) == "2025-11-19T09:30:15Z")
        #expect(iso(try karachi.parse("2025-11-19T14:30:00+01:00").get()) == "2025-11-19T13:30:00Z")
        #expect(iso(try karachi.parse("2025-11-19T14:30:00-0330").get()) == "2025-11-19T18:00:00Z")
        #expect(iso(try karachi.parse("2025-11-19T14:30:00Z").get()) == "2025-11-19T14:30:00Z")
        let fractional = try utc.parse("2025-11-19T14:30:00.250Z").get()
        #expect(abs(fractional.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) - 0.25) < 0.0001)
    }

    @Test func writtenDatesAsNewsroomsWriteThem() throws {
        #expect(iso(try utc.parse("19 November 2025").get()) == "2025-11-19T00:00:00Z")
        #expect(iso(try utc.parse("05 December 2025").get()) == "2025-12-05T00:00:00Z")
        #expect(iso(try utc.parse("5 Dec 2025").get()) == "2025-12-05T00:00:00Z")
        #expect(iso(try utc.parse("November 19, 2025").get()) == "2025-11-19T00:00:00Z")
    }

    @Test func summerTimeZonesApplyTheirOwnOffset() throws {
        let london = DateParser(timeZone: TimeZone(identifier: "Europe/London")!)
        #expect(iso(try london.parse("2025-07-01T12:00").get()) == "2025-07-01T11:00:00Z")
        #expect(iso(try london.parse("2025-01-01T12:00").get()) == "2025-01-01T12:00:00Z")
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "0000-01-01", "2025-11-19T25:00", "2025-11-19T10:00+25:00", "31 February 2025"])
    func impossibleDatesAreOutOfRange(_ text: String) {
        guard case .failure(.outOfRange) = utc.parse(text) else {
            Issue.record("expected out of range: \(text)")
            return
        }
    }

    @Test(arguments: ["yesterday", "10000-01-01", "2025/11/19", "19 Novembre 2025", "2025-11-19T10", "", "2025-11-19 junk"])
    func unrecognisedForms(_ text: String) {
        #expect(utc.parse(text) == .failure(.unrecognised))
    }

    @Test func leapDays() {
        #expect((try? utc.parse("2024-02-29").get()) != nil)
        #expect(utc.parse("2023-02-29") != .failure(.unrecognised))
        #expect((try? utc.parse("2023-02-29").get()) == nil)
    }

    @Test func civilTimeRoundTrips() {
        let zone = TimeZone(identifier: "Asia/Karachi")!
        let date = Date(timeIntervalSince1970: 1_763_544_600)  // 2025-11-19T09:30:00Z
        let civil = CivilTime(date, in: zone)
        #expect(civil == CivilTime(year: 2025, month: 11, day: 19, hour: 14, minute: 30, offset: 18_000))
        #expect(civil.date == date)
        #expect(DateFormats.rfc3339(civil) == "2025-11-19T14:30:00+05:00")
        #expect(DateFormats.rfc822(civil) == "Wed, 19 Nov 2025 14:30:00 +0500")
        #expect(DateFormats.display(civil) == "19 November 2025")
        let beforeEpoch = CivilTime(Date(timeIntervalSince1970: -86_400 * 365), in: TimeZone(identifier: "UTC")!)
        #expect(beforeEpoch == CivilTime(year: 1969, month: 1, day: 1))
        #expect(beforeEpoch.weekday == 3)  // a Wednesday
    }

    /// The formats are written a byte at a time; they must equal their printf definitions for any time,
    /// offset (west, east, half hours, UTC) and year (short ones padded).
    @Test func dateFormatsMatchTheirDefinitions() {
        var generator = SystemRandomNumberGenerator()
        let offsets = [0, 18_000, 19_800, -18_000, -12_600, 50_400, -43_200]
        for _ in 0..<2_000 {
            let t = CivilTime(year: Int.random(in: 1...12_000, using: &generator), month: Int.random(in: 1...12, using: &generator),
                              day: Int.random(in: 1...28, using: &generator), hour: Int.random(in: 0...23, using: &generator),
                              minute: Int.random(in: 0...59, using: &generator), second: Int.random(in: 0...59, using: &generator),
                              offset: offsets.randomElement(using: &generator)!)
            let minutes = abs(t.offset) / 60
            let sign = t.offset < 0 ? "-" : "+"
            let zone = t.offset == 0 ? "Z" : sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
            #expect(DateFormats.rfc3339(t) == String(format: "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second) + zone)
            let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][t.weekday]
            let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][t.month - 1]
            #expect(DateFormats.rfc822(t) == "\(weekday), " + String(format: "%02d ", t.day) + month
                    + String(format: " %04d %02d:%02d:%02d ", t.year, t.hour, t.minute, t.second) + sign + String(format: "%02d%02d", minutes / 60, minutes % 60))
            #expect(DateFormats.display(t) == "\(t.day) \(DateFormats.monthNames[t.month - 1]) \(t.year)")
            #expect(DateFormats.time(t) == String(format: "%02d:%02d", t.hour, t.minute))
            #expect(DateFormats.day(t) == String(format: "%04d-%02d-%02d", t.year, t.month, t.day))
        }
    }
}
