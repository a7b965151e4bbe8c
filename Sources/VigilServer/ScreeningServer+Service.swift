import Dispatch
import ServiceLifecycle

/// `vigil serve` runs the server in a swift-service-lifecycle `ServiceGroup`: SIGTERM or SIGINT asks
/// it to shut down gracefully (stop accepting, answer what every connection has already sent, close),
/// and `run()` returns once it has stopped.
extension ScreeningServer: Service {
    /// Starts the server if it is not running yet, then waits until it has stopped.
    public func run() async throws {
        if localPort == nil && !isShuttingDown { try start() }
        await withGracefulShutdownHandler {
            await stopped()
        } onGracefulShutdown: {
            self.shutdown()
        }
    }

    /// Waits for the end of a shutdown without holding a cooperative thread.
    private func stopped() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.waitUntilStopped()
                done.resume()
            }
        }
    }
}
