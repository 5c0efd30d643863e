import Foundation

extension BuildOptions {
    /// The site's time zone from `site.yml` (UTC when it has none, or a bad one: the build reports that).
    public var siteTimeZone: TimeZone {
        SiteConfig.load(from: configFile, displayPath: configFile.path).0.timeZone
    }

    /// Sets the build's time from text in any of the forms articles' dates take (`2025-11-19T14:30`,
    /// `19 November 2025` …); a time without a zone is in the site's time zone.
    ///
    /// - Returns: nil, or what is wrong with `text`.
    public mutating func setNow(_ text: String) -> String? {
        switch DateParser(timeZone: siteTimeZone).parse(text) {
        case .success(let date):
            now = date
            return nil
        case .failure(.outOfRange(let why)):
            return "invalid date '\(text)': \(why)"
        case .failure(.unrecognised):
            return "unparseable date '\(text)'; accepted forms: \(DateParser.acceptedForms)"
        }
    }
}
