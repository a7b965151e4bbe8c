import Foundation
import VigilIndex
import VigilLists

/// Real data for tests: the project's `data/` lists and the read-only `../shared/data` folder.
public enum TestData {
    /// The repository root (this file is Tests/VigilTestSupport/TestData.swift).
    public static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var dataDirectory: String { repoRoot + "/data" }
    /// `../shared/data` beside the repository, when present (CC BY-NC sets live only there).
    public static var sharedDirectory: String { repoRoot + "/../shared/data" }
    public static var hasShared: Bool { FileManager.default.fileExists(atPath: sharedDirectory + "/SOURCES.md") }

    public static var ofacSource: SourceSpec {
        let d = dataDirectory + "/lists/ofac"
        return SourceSpec(format: .ofacCSV, paths: [
            "\(d)/sdn_2024-07-02.csv", "\(d)/alt_2025-01-06.csv", "\(d)/add_2025-01-06.csv", "\(d)/sdn_comments_2025-12-24.csv",
        ])
    }

    public static var unSource: SourceSpec {
        SourceSpec(format: .unXML, paths: [dataDirectory + "/lists/un/consolidated_2026-02-27.xml"])
    }

    /// An index over real OFAC SDN + UN files, built once per test process and written to and read
    /// back from a temporary file, so every test runs on the on-disk format.
    public static let ofacUNIndex: Result<SearchIndex, Error> = Result {
        var builder = IndexBuilder()
        builder.add(try ListLoader.load(ofacSource))
        builder.add(try ListLoader.load(unSource))
        let path = temporaryPath("ofac-un.vigil")
        try IndexFile.write(builder.build(buildTime: "test"), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try IndexFile.open(path)
    }

    /// The default index: every list shipped in data/, as `vigil index build` makes it.
    public static let defaultIndex: Result<SearchIndex, Error> = Result {
        var builder = IndexBuilder()
        for spec in ListLoader.defaultSources(dataDirectory: dataDirectory) { builder.add(try ListLoader.load(spec)) }
        let path = temporaryPath("default.vigil")
        try IndexFile.write(builder.build(buildTime: "test"), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try IndexFile.open(path)
    }

    public static func temporaryPath(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "vigil-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }
}
