import ArgumentParser
import Foundation
import Logging
import NIOCore
import VigilScreening
import VigilServer
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve screening over TCP: one JSON object per line each way (see docs/server.md).",
        discussion: """
            Ops: screen, batch, info, health, reload. SIGHUP reloads the index; SIGTERM or SIGINT stops \
            accepting, answers what was already read, and exits 0.
            """)

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Address to bind (a non-loopback address requires --token).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free one (the real one is printed).")
    var port = 7300

    @Option(name: .long, help: ArgumentHelp(
        "Shared secret (default: $VIGIL_TOKEN). Needed for reload, and on every request when binding a non-loopback address.",
        valueName: "SECRET"))
    var token: String?

    @Option(name: .long, help: "Longest request line in bytes; longer lines are answered with line_too_long.")
    var maxLineBytes = 1 << 20

    @Option(name: .long, help: "Most open connections; more are refused with too_many_connections.")
    var maxConnections = 256

    @Option(name: .long, help: "Close a connection idle for this many seconds (0: never).")
    var idleTimeout = 300

    @Option(name: .long, help: "Close a connection whose request line is not finished this many seconds after its first byte (0: never).")
    var lineTimeout = 30

    @Option(name: .long, help: "Screening threads (default: one per core).")
    var threads = System.coreCount

    @Option(name: .long, help: "Default alert threshold 0...1 for requests that give none.")
    var threshold = ScreeningOptions.defaultThreshold

    @Option(name: .long, help: "Default matches per customer for requests that give none.")
    var limit = 5

    @Option(name: .long, help: "Serve Prometheus metrics (GET /metrics, plain HTTP) on this port of the same host; 0 picks a free one.")
    var metricsPort: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
        guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 or more") }
        guard lineTimeout >= 0 else { throw ValidationError("--line-timeout must be 0 or more") }
        guard threads > 0 else { throw ValidationError("--threads must be positive") }
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be in 1...100") }
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be in 0...65535") }
        if token == "" { throw ValidationError("--token must not be empty") }
    }

    func run() async throws {
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.token = token ?? ProcessInfo.processInfo.environment["VIGIL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        config.maximumLineLength = maxLineBytes
        config.maximumConnections = maxConnections
        config.idleTimeout = idleTimeout == 0 ? nil : .seconds(Int64(idleTimeout))
        config.lineTimeout = lineTimeout == 0 ? nil : .seconds(Int64(lineTimeout))
        config.screeningThreads = threads
        config.defaultOptions = ScreeningOptions(threshold: threshold, limit: limit)
        config.metricsPort = metricsPort

        if let warning = Self.raiseOpenFileLimit(toFit: maxConnections) { stderr(warning) }
        let searchIndex = try index.open()
        let server = ScreeningServer(configuration: config, index: searchIndex, indexPath: index.path, log: { stderr($0) })
        // SIGTERM/SIGINT: the service group's graceful shutdown; SIGHUP and a second SIGTERM: ServerSignals.
        // Installed before the server starts: libdispatch registers a signal source after `resume`
        // returns, and a SIGHUP sent as soon as "listening on" is read (a supervisor's first reload)
        // was ignored when it came in between.
        let signals = ServerSignals(server: server, log: { stderr($0) })
        let address: SocketAddress
        do { address = try server.start() } catch {
            signals.cancel()
            server.shutdownAndWait()
            throw CLIError("\(error)")
        }
        let shownHost = address.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? host
        let m = searchIndex.meta
        stderr("serving \(index.path) (built \(m.buildTime), \(m.entityCount) entities) with \(threads) screening threads")
        stderr("listening on \(shownHost):\(address.port ?? port)")
        if let metrics = server.metricsPort { stderr("metrics on http://\(shownHost):\(metrics)/metrics") }
        var logger = Logger(label: "vigil.serve")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        signals.cancel()
    }

    /// Each connection is a file descriptor: raise the soft limit (often 1,024) toward the hard one so
    /// that `--max-connections` can be reached; nil when it fits, else a warning that says what will.
    static func raiseOpenFileLimit(toFit connections: Int) -> String? {
        let needed = rlim_t(connections + 64)  // the index, listeners, pool threads' files, stdio
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < needed else { return nil }
        limit.rlim_cur = min(needed, limit.rlim_max)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        guard limit.rlim_cur < needed else { return nil }
        return "warning: --max-connections \(connections) needs about \(needed) open files but the hard limit is \(limit.rlim_max); connections beyond about \(Int(limit.rlim_max) - 64) will fail to be accepted (raise it with ulimit -Hn or LimitNOFILE=)"
    }
}
