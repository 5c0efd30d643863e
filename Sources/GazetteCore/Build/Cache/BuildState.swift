import Foundation

/// What one build leaves for the next: the articles of unchanged files, and a manifest of every file
/// written, so that the next build reads, renders and writes only what changed and removes what is stale.
///
/// Kept in memory by the preview server between rebuilds, and in `SITE/.gazette/cache` between commands.
public struct BuildState: Sendable {
    /// The settings that decide how a file is parsed (its dates' time zone); a change drops every source record.
    var parseKey: UInt64 = 0
    /// By absolute path. A change made through this property counts as a change of every record (no part
    /// of the cache is named again when the state is saved); the build's own changes go to `_sources`
    /// and name their paths in `changedSources`.
    var sources: SourceTable {
        _read { yield _sources }
        _modify {
            storedParts = nil
            yield &_sources
        }
    }
    var _sources = SourceTable()
    /// The output folder the manifest describes.
    var outputRoot = ""
    /// Every file the build wrote, by path relative to the output folder.
    var outputs: [String: OutputRecord] = [:]
    /// Everything else the output depends on: settings, templates, options. Equal keys and unchanged files
    /// mean the output cannot change.
    var inputsKey: UInt64 = 0
    /// What the cached search bodies were analyzed with (`SearchBodyTerms.cacheKey`).
    var searchKey: UInt64 = 0
    /// The terms the cached search bodies refer to by number.
    var searchTerms = SearchTermList()
    /// What the search index files in the output were made from (`SearchIndexUpdate.key` of the cached
    /// bodies and their term list); 0 when unknown.
    var searchIndexKey: UInt64 = 0
    /// Every article's related articles, with what they were made from (`RelatedArticles.Memo`).
    var related: RelatedArticles.Memo?
    /// The part files the cache file this state was read from lists: a part none of whose records changed
    /// since (`changedSources`) is named again, not written, when the state is saved.
    var storedParts: StoredParts?
    /// The paths whose records were changed, added or removed since the state was read.
    var changedSources: Set<String> = []
    /// What the next build needs to tell, before the records are read, that nothing changed; nil until a
    /// build succeeds.
    var unchanged: UnchangedBuild?
    /// False for a cache read without its records (`Loading.head`): enough to tell that nothing changed,
    /// and never saved.
    var hasRecords = true

    public init() {}

    /// The manifest alone: what a cache whose records cannot be read still tells (the files to remove).
    var manifestOnly: BuildState {
        var state = BuildState()
        state.outputRoot = outputRoot
        state.outputs = outputs
        return state
    }

    /// The records, given up (the state has none after): the content loader updates them in place.
    /// The cache file's parts stay known, as the loader names what it changes.
    mutating func takeSources() -> SourceTable {
        defer { _sources = [:] }
        return _sources
    }
}

/// The source records' parts a cache file lists: each record is in the part its path names
/// (`BuildState.part(of:count:)`).
struct StoredParts: Sendable {
    /// The cache file as it was read: the parts a file changed since lists are not named again.
    var file: FileStamp
    /// Each part's file, by part.
    var names: [Name]

    /// A part's file: named by the hash of its bytes, so that a part's name says what it holds.
    struct Name: Sendable, Hashable {
        var hash: UInt64
        var length: Int

        var fileName: String { StableHash.hex(hash) }
    }
}

/// How a build tells, before the cached records are read, that nothing it writes can have changed: a key
/// over the settings, the theme, the options and every content file's path and stamp
/// (`Builder.Inputs.unchangedKey`), and the span of "now" in which the passing of time alone changes
/// nothing (no article's date comes, none enters or leaves the news sitemap's window). With what such
/// a build reports: the articles it publishes and the warnings their files gave.
struct UnchangedBuild: Sendable, Equatable {
    var key: UInt64
    /// The span, in seconds since 1970: from the last article date or window end at or before the
    /// build's "now" (minus infinity when none) to the first after it (infinity when none).
    var since: Double
    var until: Double
    var articles: Int
    var warnings: [Diagnostic]
}

/// A content file as the last build saw it.
struct SourceRecord: Sendable {
    var stamp: FileStamp
    var article: Article
    /// Warnings the file gave: repeated when the file is reused.
    var warnings: [Diagnostic]
    /// What the article's body gave the search index, when it was indexed: its terms are numbers into
    /// `BuildState.searchTerms`.
    var searchBody: SearchBodyTerms? = nil
    /// The search body of the record this one replaced when its file changed: what the last build's search
    /// index holds of the file, until the new body is analyzed (`SearchIndexUpdate`). Not saved.
    var replacedSearchBody: SearchBodyTerms? = nil
}

/// A file the last build wrote.
struct OutputRecord: Sendable, Equatable {
    /// `StableHash` of its bytes.
    var hash: UInt64
    var stamp: FileStamp
    /// What its page showed (`Fingerprint`); 0 for files written without one.
    var fingerprint: UInt64
}

/// A file's size and modification time: when both are as recorded, the file is taken as unchanged.
public struct FileStamp: Sendable, Equatable {
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int

    public init(size: Int, modified: Int) {
        self.size = size
        self.modified = modified
    }

    /// The stamp in a `stat` result.
    public init(_ info: stat) {
        self.init(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    /// The stamp of the file at `path`, or nil when there is none (or it is not a regular file).
    public static func of(_ path: String) -> FileStamp? {
        of(path, in: AT_FDCWD)
    }

    /// The stamp of the file at `path` relative to the open folder `folder`: the kernel walks only
    /// the part of the path below it.
    static func of(_ path: String, in folder: CInt) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }
}
