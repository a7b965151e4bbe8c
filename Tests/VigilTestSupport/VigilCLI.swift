import Foundation

/// Runs the built `vigil` binary as a user would (no `VIGIL_INDEX` leaking in from the environment).
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
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        return p
    }

    /// Runs to completion with `stdin` as input; returns exit status, stdout and stderr.
    @discardableResult
    public static func run(_ args: [String], stdin: [UInt8]? = nil, env: [String: String] = [:]) throws -> Run {
        let p = process(args, env: env)
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
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }
}
