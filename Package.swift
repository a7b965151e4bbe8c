// swift-tools-version:6.1
import PackageDescription

// Module graph, bottom to top (docs/architecture.md):
//   CICU, CLZ4 (system libraries) -> CICUShim (plain-C ICU wrapper); CChecksum (CRC-32C, plain C)
//   VigilNormalization -> VigilLists -> VigilIndex -> VigilMatcher -> VigilScreening -> VigilServer -> vigil
let package = Package(
    name: "Vigil",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
        // The engine as a library (the Benchmarks package and embedding services use it).
        .library(name: "VigilCore", targets: ["VigilNormalization", "VigilLists", "VigilIndex", "VigilMatcher", "VigilScreening"]),
        // For the fuzz targets in Fuzz/ (VigilServer.FuzzEntry); not a supported embedding API.
        .library(name: "VigilServer", targets: ["VigilServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]),
        .systemLibrary(
            name: "CLZ4", pkgConfig: "liblz4",
            providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // CRC-32C with the SSE4.2 instruction: index files are verified on every open.
        .target(name: "CChecksum"),
        .target(name: "VigilNormalization", dependencies: ["CICUShim"]),
        .target(
            name: "VigilLists",
            dependencies: ["VigilNormalization", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "VigilIndex", dependencies: ["VigilLists", "VigilNormalization", "CLZ4", "CChecksum"]),
        .target(name: "VigilMatcher", dependencies: ["VigilIndex", "VigilNormalization"]),
        .target(name: "VigilScreening", dependencies: ["VigilMatcher", "VigilIndex", "VigilLists"]),
        .target(
            name: "VigilServer",
            dependencies: [
                "VigilScreening", "VigilMatcher", "VigilIndex",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // Accuracy and latency measurement: labelled pairs, screening sets, reports (`vigil eval`).
        .target(name: "VigilEvaluation", dependencies: ["VigilScreening", "VigilMatcher", "VigilIndex", "VigilLists"]),
        // The customer store (SQLite) and list-update re-screening (`vigil monitor`).
        // Optional at-rest encryption of the store's personal fields: swift-crypto (AES-GCM, HKDF, HMAC; also
        // SHA-256 in VigilLists).
        .target(
            name: "VigilMonitor",
            dependencies: ["VigilScreening", "VigilMatcher", "VigilIndex", "VigilLists", "VigilNormalization", "CSQLite", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "VigilScreening", "VigilServer", "VigilEvaluation", "VigilMonitor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Paths to the real data files and a shared index built once from real OFAC + UN lists.
        .target(name: "VigilTestSupport", dependencies: ["VigilIndex", "VigilLists"], path: "Tests/VigilTestSupport"),
        .testTarget(name: "VigilNormalizationTests", dependencies: ["VigilNormalization"]),
        .testTarget(name: "VigilListsTests", dependencies: ["VigilLists"]),
        .testTarget(name: "VigilIndexTests", dependencies: ["VigilIndex", "VigilLists", "VigilTestSupport"]),
        .testTarget(name: "VigilMatcherTests", dependencies: ["VigilMatcher", "VigilIndex", "VigilLists", "VigilTestSupport"]),
        .testTarget(name: "VigilScreeningTests", dependencies: ["VigilScreening", "VigilTestSupport"]),
        .testTarget(
            name: "VigilServerTests",
            dependencies: [
                "VigilServer", "VigilTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]),
        .testTarget(name: "VigilEvaluationTests", dependencies: ["VigilEvaluation", "VigilTestSupport"]),
        .testTarget(name: "VigilMonitorTests", dependencies: ["VigilMonitor", "VigilTestSupport"]),
        .testTarget(name: "vigilTests", dependencies: ["VigilTestSupport"]),
    ]
)
