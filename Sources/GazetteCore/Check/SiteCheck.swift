import Foundation

/// `gazette check`: builds the site into memory and checks every internal link of every page and feed.
public enum SiteCheck {
    /// Builds with `options` into memory, then checks the links.
    ///
    /// - Throws: `BuildFailure` when the site does not build.
    public static func run(_ options: BuildOptions, paths: DisplayPaths = DisplayPaths()) throws(BuildFailure) -> (BuildReport, LinkChecker.Report) {
        let sink = MemorySink()
        let build = try Builder(options: options, paths: paths).build(into: sink)
        let (config, _) = options.siteConfig(contents: FileIO.read(options.configFile.path), paths: paths)
        return (build, LinkChecker(config: config).check(sink.files))
    }
}
