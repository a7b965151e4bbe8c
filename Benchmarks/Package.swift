// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package (as in swift-nio) so the main build stays lean.
// Run from this folder:  swift package --disable-sandbox benchmark
let package = Package(
    name: "VigilBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Vigil", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.29.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "VigilBenchmarks",
            dependencies: [
                .product(name: "VigilCore", package: "Vigil"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/VigilBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
