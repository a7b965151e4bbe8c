import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process signals for a running server: SIGTERM and SIGINT begin a graceful shutdown (a second one
/// closes every connection at once), SIGHUP reloads the index from its path.
///
/// Keep the value alive while serving; `cancel()` restores the default handlers.
public final class ServerSignals {
    private var sources: [any DispatchSourceSignal] = []
    private static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// - Parameters:
    ///   - log: receives one line per signal handled.
    public init(server: ScreeningServer, log: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "vigil.server.signals")
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            if number == SIGHUP {
                source.setEventHandler {
                    log("SIGHUP: reloading the index")
                    _ = server.reload()
                }
            } else {
                let name = number == SIGTERM ? "SIGTERM" : "SIGINT"
                source.setEventHandler {
                    if server.isShuttingDown {
                        log("\(name) again: closing every connection now")
                        server.closeAllConnections()
                    } else {
                        log("\(name): no new connections; finishing requests in flight")
                        server.shutdown()
                    }
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in Self.handled { signal(number, SIG_DFL) }
    }
}
