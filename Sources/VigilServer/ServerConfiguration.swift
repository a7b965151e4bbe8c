import NIOCore
import VigilScreening

/// How `ScreeningServer` binds, authorizes and limits.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one (read it from `ScreeningServer.localPort`).
    public var port = 7300
    /// Shared secret. Needed for `reload` when set, and for every request on a non-loopback bind
    /// (where the server refuses to start without one).
    public var token: String?
    /// Longest request line in bytes, excluding the newline; longer lines get `line_too_long`.
    public var maximumLineLength = 1 << 20
    /// Open connections at most; one more is told `too_many_connections` and closed.
    public var maximumConnections = 256
    /// A connection with no traffic and nothing in flight for this long is closed; nil: never.
    public var idleTimeout: TimeAmount? = .minutes(5)
    /// A request line must be finished (its newline sent) within this time of its first byte, counted
    /// only while the server waits for input; else `read_timeout` and the connection is closed. Stops a
    /// client that trickles bytes and never ends a line (the idle timeout never fires for it). nil: never.
    public var lineTimeout: TimeAmount? = .seconds(30)
    /// Screening threads (default: one per core).
    public var screeningThreads = System.coreCount
    /// Event-loop (I/O) threads; screening runs elsewhere, so few are needed.
    public var ioThreads = max(1, System.coreCount / 4)
    /// Requests of one connection screened at the same time (the rest wait, in order).
    public var maximumInFlightPerConnection = max(4, 2 * System.coreCount)
    /// Most customers in one `batch`.
    public var maximumBatchSize = 10_000
    /// Threshold and limit for requests that give none.
    public var defaultOptions = ScreeningOptions()
    /// How long a graceful shutdown waits for connections to finish before closing them.
    public var shutdownGracePeriod: TimeAmount = .seconds(30)
    /// Port for Prometheus (`GET /metrics`, plain HTTP, same host); nil: none (the `metrics` op still
    /// answers); 0 picks a free one (`ScreeningServer.metricsPort`).
    public var metricsPort: Int?

    public init() {}
}

/// Why the server did not start.
public enum ServerStartError: Error, CustomStringConvertible, Equatable {
    case tokenRequired(host: String)
    case invalidConfiguration(String)
    case bindFailed(host: String, port: Int, reason: String)
    case alreadyStarted

    public var description: String {
        switch self {
        case .tokenRequired(let host):
            return "\(host) is not a loopback address: set a shared secret with --token (or VIGIL_TOKEN); clients then send it as \"token\""
        case .invalidConfiguration(let reason): return reason
        case .bindFailed(let host, let port, let reason): return "cannot listen on \(host):\(port): \(reason)"
        case .alreadyStarted: return "the server is already started"
        }
    }
}

extension ServerConfiguration {
    func validate() throws(ServerStartError) {
        guard (0...65535).contains(port) else { throw .invalidConfiguration("port must be in 0...65535") }
        guard maximumLineLength > 0 else { throw .invalidConfiguration("the maximum line length must be positive") }
        guard maximumConnections > 0 else { throw .invalidConfiguration("the maximum connection count must be positive") }
        guard screeningThreads > 0, ioThreads > 0 else { throw .invalidConfiguration("thread counts must be positive") }
        guard maximumInFlightPerConnection > 0 else { throw .invalidConfiguration("in-flight requests per connection must be positive") }
        if token == "" { throw .invalidConfiguration("the token must not be empty") }
    }

    /// True when `address` is 127.0.0.0/8, ::1 or an IPv4-mapped 127.x address.
    static func isLoopback(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let a):
            return UInt32(bigEndian: a.address.sin_addr.s_addr) >> 24 == 127
        case .v6(let a):
            let bytes = withUnsafeBytes(of: a.address.sin6_addr) { Array($0) }
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        case .unixDomainSocket:
            return true
        }
    }
}
