import Foundation
@testable import GazetteCore

/// A small archive for the search tests, Swift and Node alike: eight articles whose words, fields and
/// dates make ranking decisions visible (title against body, newer against older, Urdu, prefixes).
enum SearchFixture {
    static let siteYAML = """
    title: Search Ledger
    base_url: https://news.example.org/
    time_zone: Asia/Karachi
    """

    static let articles: [String: String] = [
        "Content/floods-karachi.md": article(
            title: "Floods hit Karachi as monsoon rains intensify", date: "2025-08-20T09:00:00+05:00",
            "topics: [Pakistan, Climate]\ndateline: KARACHI",
            body: "Monsoon rains flooded low-lying districts of Karachi on Wednesday. Flood waters reached the port.\n\nThe flood warning stays; flood defences failed and more floods are expected."),
        "Content/budget.md": article(
            title: "Budget talks stall in Islamabad", date: "2025-06-10T09:00:00+05:00", "topics: [Economy, Politics]",
            body: "Ministers argued over flood relief funds and the economy.\n\nNo deal was reached."),
        "Content/sindh-flood.md": article(
            title: "Sindh villages under water after flood", date: "2023-09-01T09:00:00+05:00", "topics: [Climate]",
            body: "The flood left villages in Sindh under water. Flood relief camps opened."),
        "Content/cricket.md": article(
            title: "Pakistan beat India in Lahore", date: "2024-03-02T09:00:00+05:00", "topics: [Sports, Cricket]\ndateline: LAHORE",
            body: "A last-over finish in Lahore. The crowd *roared*."),
        "Content/urdu.md": article(
            title: "کراچی میں شدید بارش سے سیلاب", date: "2025-07-15T09:00:00+05:00", "topics: [پاکستان]",
            body: "کراچی میں شدید بارش کے بعد کئی علاقے سیلاب کی زد میں آ گئے۔"),
        "Content/floodwater.md": article(
            title: "Floodwater recedes, farmers count losses", date: "2025-09-01T09:00:00+05:00", "topics: [Agriculture]",
            body: "Farmers returned to their fields as the floodwater receded."),
        "Content/economy.md": article(
            title: "Economy grows despite inflation", date: "2024-11-11T09:00:00+05:00", "topics: [Economy]",
            body: "Economic growth beat forecasts while inflation stayed high."),
        "Content/port.md": article(
            title: "Port expands its <container> terminal", date: "2022-05-05T09:00:00+05:00", "topics: [Trade]\ndateline: KARACHI",
            body: "Karachi port added berths. Karachi traders welcomed it; Karachi officials said Karachi would grow."),
    ]

    static func site() throws -> TestSite {
        var files = articles
        files["site.yml"] = siteYAML
        return try TestSite(files)
    }

    /// The articles' ids in the index: newest first.
    static let order = ["floodwater", "floods-karachi", "urdu", "budget", "economy", "cricket", "sindh-flood", "port"]
}
