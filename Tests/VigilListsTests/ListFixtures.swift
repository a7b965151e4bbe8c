import Foundation
import XCTest
@testable import VigilLists

/// The real list files in `shared/data` (next to the repository: `<repo root>/../shared/data`), loaded once
/// per test process and shared by the tests that read them. A test skips when its file is absent.
enum ListFixtures {
    /// `<repo root>`: this file is `<repo root>/Tests/VigilListsTests/ListFixtures.swift`.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = repoRoot.appendingPathComponent("../shared/data").standardizedFileURL.path

    /// Absolute path of a file under `shared/data`, or `XCTSkip` when it is not there.
    static func path(_ relative: String) throws -> String {
        let p = "\(sharedData)/\(relative)"
        guard FileManager.default.fileExists(atPath: p) else { throw XCTSkip("\(relative) not found under \(sharedData)") }
        return p
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: LoadedList] = [:]

    /// Loads a source once (parsing the big lists takes seconds in a debug build) and shares the result.
    static func load(_ format: ListFormat, _ relativePaths: [String]) throws -> LoadedList {
        let paths = try relativePaths.map(path)
        let spec = SourceSpec(format: format, paths: paths)
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[spec.description] { return hit }
        let loaded = try ListLoader.load(spec)
        cache[spec.description] = loaded
        return loaded
    }

    static func load(_ format: ListFormat, _ relativePath: String) throws -> LoadedList {
        try load(format, [relativePath])
    }

    /// A fresh temporary directory for files a test writes; removed at the end of the test.
    static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-lists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Writes `text` to `name` in a fresh temporary directory and returns its path.
    static func write(_ text: String, named name: String, for test: XCTestCase) throws -> String {
        let url = try temporaryDirectory(for: test).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

extension LoadedList {
    /// The entity with this id; fails the test when absent.
    func entity(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Entity {
        try XCTUnwrap(entities.first { $0.id == id }, "\(id) not loaded", file: file, line: line)
    }

    func count(_ schema: Schema) -> Int { entities.filter { $0.schema == schema }.count }
}

extension Entity {
    func names(_ type: NameType) -> [String] { names.filter { $0.type == type }.map(\.value) }
    func name(_ value: String) -> EntityName? { names.first { $0.value == value } }
}

/// Asserts that `body` throws `ListError.file` (a missing or unreadable file).
func assertThrowsFileError(_ body: @autoclosure () throws -> Any, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        guard case ListError.file(let e)? = error as? ListError else {
            return XCTFail("expected ListError.file, got \(error)", file: file, line: line)
        }
        XCTAssertTrue(e.reason.contains("No such file"), e.description, file: file, line: line)
    }
}

/// Asserts that `body` throws `ListError.malformed` and returns its line and reason.
@discardableResult
func assertThrowsMalformed(_ body: @autoclosure () throws -> Any, file: StaticString = #filePath, line: UInt = #line) -> (line: Int, reason: String)? {
    var out: (Int, String)?
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        guard case ListError.malformed(_, let l, let reason)? = error as? ListError else {
            return XCTFail("expected ListError.malformed, got \(error)", file: file, line: line)
        }
        out = (l, reason)
    }
    return out
}
