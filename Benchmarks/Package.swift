// swift-tools-version: 6.0
import PackageDescription

// Benchmarks live in their own package so that the main package keeps its dependencies:
// swift-mustache is needed here only, to compare our template engine with it.
// A local package's identity is its folder's name (the checkout's, e.g. "main"), not "Gazette".
let gazette = String(#filePath.split(separator: "/").dropLast(2).last ?? "Gazette")

let package = Package(
    name: "GazetteBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: [
                .product(name: "GazetteMustache", package: gazette),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
