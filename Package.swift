// swift-tools-version: 6.1
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
        // The preview server. Its default traits bring swift-configuration and full Foundation, which we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Already in Hummingbird's graph; named here because the server uses them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
        // `gazette serve`: HTTP from a memory build, file watching, live reload.
        .target(
            name: "GazetteServer",
            dependencies: [
                "GazetteCore",
                "GazetteMustache",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // jemalloc in place of glibc's malloc: a cold build allocates from both cores at once and frees
        // on the other, where glibc's arenas cost a tenth of the build (docs/performance.md).
        // The allocator's settings (huge pages for the heap), compiled into the executable.
        .target(name: "CJemallocSettings"),
        .executableTarget(
            name: "gazette",
            dependencies: ["GazetteCore", "GazetteServer", "CJemallocSettings", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "GazetteMustacheTests", dependencies: ["GazetteMustache"]),
        .testTarget(name: "GazetteCoreTests", dependencies: ["GazetteCore"]),
        .testTarget(name: "GazetteServerTests", dependencies: ["GazetteServer"]),
    ],
    swiftLanguageModes: [.v6]
)
