// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "GazetteMustache", targets: ["GazetteMustache"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // cmark-gfm, the C library; only GazetteCore/Markdown/CMark.swift imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The Mustache template engine: Foundation only, knows nothing of articles.
        .target(name: "GazetteMustache"),
        .target(
            name: "GazetteCore",
            dependencies: ["CCmarkGFM", "GazetteMustache", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "gazette",
            dependencies: ["GazetteCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GazetteMustacheTests", dependencies: ["GazetteMustache"]),
        .testTarget(name: "GazetteCoreTests", dependencies: ["GazetteCore"]),
    ],
    swiftLanguageModes: [.v6]
)
