import Foundation

/// Where the default index and the shipped lists live.
enum Paths {
    /// The real path of the running executable's folder (`.build/<triple>/release`).
    static var executableDirectory: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }

    /// The default index sits beside the binary that built it, so its format always matches.
    static var defaultIndex: String { executableDirectory + "/default.vigil" }

    /// `--index`, else `$VIGIL_INDEX`, else the default index.
    static func index(_ option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let env = ProcessInfo.processInfo.environment["VIGIL_INDEX"], !env.isEmpty { return env }
        return defaultIndex
    }

    /// The project's `data/` folder: `--data`, `$VIGIL_DATA`, or found by walking up from the binary
    /// and from the working directory.
    static func dataDirectory(_ option: String?) throws -> String {
        if let option, !option.isEmpty { return option }
        if let env = ProcessInfo.processInfo.environment["VIGIL_DATA"], !env.isEmpty { return env }
        for start in [executableDirectory, FileManager.default.currentDirectoryPath] {
            var dir = start
            for _ in 0..<8 {
                if FileManager.default.fileExists(atPath: dir + "/data/lists") { return dir + "/data" }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir { break }
                dir = parent
            }
        }
        throw CLIError("cannot find the data/ folder with the default lists; pass --data DIR or set VIGIL_DATA")
    }
}
