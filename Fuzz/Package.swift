// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets live in their own package (like Benchmarks/) so the main build never sees them.
// Build and run with tools/fuzz; by hand (from this folder):
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address
//   .build/debug/FuzzNormalizer -max_total_time=60 CORPUS_DIR
// Each target defines LLVMFuzzerTestOneInput; its main.swift hands it to libFuzzer's driver.
let package = Package(
    name: "VigilFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Vigil", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        .executableTarget(name: "FuzzCustomerReader", dependencies: ["FuzzSupport", .product(name: "VigilCore", package: "Vigil")]),
        .executableTarget(name: "FuzzNormalizer", dependencies: ["FuzzSupport", .product(name: "VigilCore", package: "Vigil")]),
        .executableTarget(name: "FuzzIndexReader", dependencies: ["FuzzSupport", .product(name: "VigilCore", package: "Vigil")]),
        .executableTarget(name: "FuzzListLoader", dependencies: ["FuzzSupport", .product(name: "VigilCore", package: "Vigil")]),
        .executableTarget(name: "FuzzRequestDecoder", dependencies: ["FuzzSupport", .product(name: "VigilServer", package: "Vigil")]),
    ]
)
