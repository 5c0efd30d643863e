/// The data of one article page, shaped like the root value `gazette build` gives article.mustache.
///
/// Plain dictionaries, lists, strings, numbers and booleans, so that both engines get the same
/// tree: swift-mustache reads it as is, ours after one `TemplateValue(any:)` conversion. (Real
/// builds hand our engine lazy `TemplateObject`s for the article and its dates; plain objects keep
/// the comparison even.) Every optional text is either absent or non-empty, because the engines
/// disagree on whether the empty string is falsey.
enum ArticlePage {
    static func data() -> [String: Any] {
        [
            "site": site,
            "page": page,
            "article": article,
        ]
    }

    static var topics: [[String: Any]] {
        [
            topic("Pakistan", 42), topic("Economy", 17), topic("Security", 15), topic("Khyber Pakhtunkhwa", 11),
            topic("Crypto", 6), topic("Energy", 5), topic("Courts & Law", 4), topic("Sport", 3),
        ]
    }

    static var site: [String: Any] {
        [
            "title": "The Frontier Ledger",
            "description": "News from Pakistan and the region, archived.",
            "base_url": "https://archive.example.org/",
            "language": "en",
            "url": "/",
            "rss_url": "https://archive.example.org/feed.xml",
            "atom_url": "https://archive.example.org/atom.xml",
            "topics_url": "/topics/",
            "archive_url": "/archive/",
            "top_topics": topics,
            "article_count": 104,
            "year": 2025,
        ]
    }

    static let path = "/2025/11/19/pakistani-military-says-four-militants-killed-in-operations-across-northwestern-province/"

    static let title = "Pakistani military says four militants killed in operations across northwestern province"

    static let summary = "Pakistan’s military said on Wednesday four militants were killed in multiple operations across the "
        + "northwestern Khyber Pakhtunkhwa province this week, the latest in a series of security actions…"

    static var page: [String: Any] {
        [
            "title": title,
            "description": summary,
            "url": path,
            "canonical": "https://archive.example.org" + path,
            "kind": "article",
            "is_home": false,
            "feeds": [
                ["title": "RSS", "type": "application/rss+xml", "url": "https://archive.example.org/feed.xml"],
                ["title": "Atom", "type": "application/atom+xml", "url": "https://archive.example.org/atom.xml"],
            ],
        ]
    }

    static var article: [String: Any] {
        [
            "title": title,
            "url": path,
            "permalink": "https://archive.example.org" + path,
            "summary": summary,
            "date": date(iso: "2025-11-19T00:00:00+05:00", display: "19 November 2025", time: "00:00", day: 19, weekday: "Wednesday"),
            "updated": date(iso: "2025-11-19T18:30:00+05:00", display: "19 November 2025", time: "18:30", day: 19, weekday: "Wednesday"),
            "dateline": "KARACHI",
            "author": "Staff Reporter",
            "highlights": [
                "Army attributes killings to “intelligence-based” operations",
                "Four militants killed in Bannu, Lakki Marwat & North Waziristan",
                "Province has seen a surge in attacks since 2021",
            ],
            "has_highlights": true,
            "image": [
                "src": "/images/swat.jpg",
                "alt": "Troops on a street in Swat",
                "caption": "Army troops stand guard along a street in Kabal town of Swat Valley.",
                "credit": "AFP/File",
            ] as [String: Any],
            "short": "q4na2n",
            "section": topics[0],
            "topics": [topics[0], topics[2], topics[3]],
            "has_topics": true,
            "word_count": 1042,
            "reading_time": 5,
            "content": body,
            "previous": [
                "title": "Pakistan’s central bank holds key rate at 11% as inflation eases",
                "url": "/2025/11/18/pakistans-central-bank-holds-key-rate-at-11-as-inflation-eases/",
            ],
            "next": [
                "title": "Pakistan, global crypto exchange discuss modernizing digital payments, creating job prospects",
                "url": "/2025/12/05/pakistan-global-crypto-exchange-discuss-modernizing-digital-payments-creating-job-prospects/",
            ],
        ]
    }

    /// About 6 KB of the HTML that cmark-gfm makes of an article: paragraphs, a quote, a list, a table.
    static let body: String = {
        let paragraphs = [
            "<p>Pakistan’s military said on Wednesday four militants were killed in multiple operations across the northwestern "
                + "Khyber Pakhtunkhwa province this week, the latest in a series of security actions as the country grapples with "
                + "a surge in attacks.</p>",
            "<p>The Inter-Services Public Relations (ISPR), the military’s media wing, said the operations were carried out in "
                + "<a href=\"/topics/khyber-pakhtunkhwa/\">Bannu</a>, Lakki Marwat and North Waziristan districts on the basis of "
                + "intelligence reports about the presence of militants.</p>",
            "<blockquote>\n<p>“Sanitisation operation is being conducted to eliminate any other <em>khwarij</em> found in the "
                + "area,” the ISPR said, using the state’s term for the militants.</p>\n</blockquote>",
            "<p>Pakistan has seen a spike in attacks in its western provinces since 2021, when a fragile truce between the "
                + "government and the Tehreek-e-Taliban Pakistan (TTP) broke down. Islamabad blames Kabul for sheltering the "
                + "group, a charge the Afghan Taliban deny.</p>",
            "<ul>\n<li>Bannu: two militants killed in an exchange of fire</li>\n<li>Lakki Marwat: one militant killed, "
                + "weapons and ammunition recovered</li>\n<li>North Waziristan: one militant killed near the Afghan border</li>\n</ul>",
            "<p>Officials say the number of security personnel killed in the province this year is the highest in a decade, "
                + "and that cross-border movement remains the main challenge for the forces deployed along the 2,600-kilometre "
                + "frontier.</p>",
            "<table>\n<thead>\n<tr>\n<th>District</th>\n<th>Operations</th>\n<th>Killed</th>\n</tr>\n</thead>\n<tbody>\n"
                + "<tr>\n<td>Bannu</td>\n<td>3</td>\n<td>2</td>\n</tr>\n<tr>\n<td>Lakki Marwat</td>\n<td>1</td>\n<td>1</td>\n</tr>\n"
                + "<tr>\n<td>North Waziristan</td>\n<td>2</td>\n<td>1</td>\n</tr>\n</tbody>\n</table>",
        ]
        var html = ""
        var index = 0
        while html.utf8.count < 6_000 {
            html += paragraphs[index % paragraphs.count] + "\n"
            index += 1
        }
        return html
    }()

    private static func topic(_ name: String, _ count: Int) -> [String: Any] {
        let slug = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-")
        return [
            "name": name,
            "slug": slug,
            "url": "/topics/\(slug)/",
            "count": count,
            "rss_url": "https://archive.example.org/topics/\(slug)/feed.xml",
            "atom_url": "https://archive.example.org/topics/\(slug)/atom.xml",
        ]
    }

    private static func date(iso: String, display: String, time: String, day: Int, weekday: String) -> [String: Any] {
        [
            "iso": iso,
            "display": display,
            "time": time,
            "rfc822": "\(weekday.prefix(3)), \(day) Nov 2025 \(time):00 +0500",
            "year": 2025,
            "month": "11",
            "month_name": "November",
            "day": day,
            "weekday": weekday,
        ]
    }
}
