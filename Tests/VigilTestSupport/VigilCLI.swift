import Foundation

/// Runs the built `vigil` binary as a user would (no `VIGIL_INDEX` or `VIGIL_STORE_KEY_FILE` leaking in from the environment).
public enum VigilCLI {
    public struct Run: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
    }

    /// The `vigil` executable beside the test bundle (`.build/debug/vigil`).
    public static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vigil").path
    }

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// A configured, not yet started process.
    public static func process(_ args: [String], env: [String: String] = [:]) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "VIGIL_INDEX")
        environment.removeValue(forKey: "VIGIL_STORE_KEY_FILE")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        return p
    }

    /// Runs to completion with `stdin` as input; returns exit status, stdout and stderr.
    @discardableResult
    public static func run(_ args: [String], stdin: [UInt8]? = nil, env: [String: String] = [:]) throws -> Run {
        try complete(process(args, env: env), stdin: stdin)
    }

    /// Why `run(_:fileSizeLimitKiB:)` cannot be used in this run, if it cannot: ThreadSanitizer's
    /// runtime dies at start under a file-size limit ("nested bug in the same thread").
    public static var fileSizeLimitUnsupported: String? {
        ProcessInfo.processInfo.environment["VIGIL_SANITIZER"] == "thread" ? "ThreadSanitizer's runtime cannot start under ulimit -f" : nil
    }

    /// Runs under `ulimit -f kibibytes`, the way a nearly full disk or a quota stops a write part-way
    /// (vigil ignores SIGXFSZ, so the write fails with EFBIG instead of killing it).
    public static func run(_ args: [String], fileSizeLimitKiB kibibytes: Int) throws -> Run {
        let p = process([])
        let quoted = ([binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "ulimit -f \(kibibytes) && exec " + quoted.joined(separator: " ")]
        return try complete(p, stdin: nil)
    }

    private static func complete(_ p: Process, stdin: [UInt8]?) throws -> Run {
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return Run(status: status, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }
}
