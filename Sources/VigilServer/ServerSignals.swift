import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process signals for a running server that swift-service-lifecycle does not handle: SIGHUP reloads
/// the index from its path, and a second SIGTERM or SIGINT closes every connection at once (the
/// first one is the service group's graceful shutdown).
///
/// Keep the value alive while serving; `cancel()` stops handling them.
public final class ServerSignals {
    private var sources: [any DispatchSourceSignal] = []

    /// - Parameters:
    ///   - log: receives one line per signal handled.
    public init(server: ScreeningServer, log: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "vigil.server.signals")
        signal(SIGHUP, SIG_IGN)
        let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        hangUp.setEventHandler {
            log("SIGHUP: reloading the index")
            _ = server.reload()
        }
        sources.append(hangUp)
        // Counted here rather than asking the server whether it is shutting down: this handler and
        // the service group's see the same signal in no fixed order.
        var stops = 0
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)  // the default would kill the process before the group's handler runs
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            let name = number == SIGTERM ? "SIGTERM" : "SIGINT"
            source.setEventHandler {
                stops += 1
                if stops == 1 {
                    log("\(name): no new connections; finishing requests in flight")
                } else {
                    log("\(name) again: closing every connection now")
                    server.closeAllConnections()
                }
            }
            sources.append(source)
        }
        for source in sources { source.resume() }
    }

    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGHUP, SIG_DFL)
    }
}
