/// The files a result list reads: what each article shows, and the manifest.
extension SearchIndexLayout {
    /// `search/docs/N.json`: for articles `N·docsPerChunk` onwards, each
    /// `[headline, url, display date, ISO date, [topic numbers], dateline, summary, excerpt]`.
    ///
    /// The excerpt is the body's first words; the summary is left empty when the excerpt starts with it.
    /// Those whose chunk is in `skipped` are left out.
    func documentFiles(skipping skipped: [Int: UInt64] = [:]) -> [(path: String, bytes: [UInt8])] {
        let index = context.index
        let chunks = Self.documentChunks(articles: index.articles.count)
        let made = chunks.indices.filter { skipped[$0] == nil }
        return parallelMap(made.count) { n -> (path: String, bytes: [UInt8]) in
            var json = JSONText()
            json.array(chunks[made[n]]) { json, i in
                let time = index.times[i]
                let excerpt = excerpts[i]
                // Byte comparisons and a cut only when needed: this runs for every article of the archive.
                // Fields read in place: a copy of the whole article per row costs more than the row.
                var summary = index.articles[i].summary
                if summary.utf8.count > Summary.length { summary = Summary.cut(summary) }
                // The summary as shown before its ellipsis, if it ends with one (U+2026 is E2 80 A6).
                let shown = summary.utf8.count - (summary.utf8.reversed().starts(with: [0xA6, 0x80, 0xE2]) ? 3 : 0)
                json.raw("[")
                json.string(index.articles[i].title)
                json.raw(",")
                json.string(context.links.url(index.routes[i]))
                json.raw(",")
                json.string(DateFormats.display(time))
                json.raw(",")
                json.string(DateFormats.day(time))
                json.raw(",")
                json.array(index.articleTopics[i]) { $0.int($1) }
                json.raw(",")
                json.string(index.articles[i].dateline ?? "")
                json.raw(",")
                json.string(excerpt.utf8.starts(with: summary.utf8.prefix(shown)) ? "" : summary)
                json.raw(",")
                json.string(excerpt)
                json.raw("]")
            }
            return (Self.documentsPath(made[n]), json.bytes)
        }
    }

    /// `search/meta.json`: everything a query needs before it knows which terms files to read.
    func manifest(firstTerms: [String], build: String) -> [UInt8] {
        let index = context.index
        var json = JSONText()
        json.raw("{\"format\":\(Self.format),\"build\":")
        json.string(build)
        json.raw(",\"count\":\(index.articles.count),\"chunk\":\(Self.docsPerChunk),\"terms\":")
        json.array(firstTerms) { $0.string($1) }
        json.raw(",\"topics\":")
        json.array(index.topics) { json, topic in
            json.raw("[")
            json.string(topic.name)
            json.raw(",")
            json.string(topic.slug)
            json.raw(",")
            json.string(context.links.url(topic.route))
            json.raw(",\(topic.articles.count)]")
        }
        json.raw(",\"years\":")
        json.array(index.years) { json, year in
            json.raw("[\(year.year),\(year.articles.first ?? 0),\((year.articles.last ?? -1) + 1)]")
        }
        json.raw("}\n")
        return json.bytes
    }
}
