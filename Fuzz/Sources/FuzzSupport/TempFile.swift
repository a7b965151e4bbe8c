import Foundation

/// The readers under test take a path, so each input goes to a file. One directory per process
/// (libFuzzer's -jobs/-fork run several), overwritten on every run.
public enum TempFile {
    public static let directory: String = {
        let d = NSTemporaryDirectory() + "vigil-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    /// Writes the fuzz input to `directory/name` and returns the path. The name matters to some
    /// readers (the OFAC loader tells a file's role from it, CustomerReader its format).
    public static func write(_ data: UnsafePointer<UInt8>, _ size: Int, name: String) -> String {
        let path = directory + "/" + name
        let ok = FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size))
        precondition(ok, "cannot write \(path)")
        return path
    }
}
