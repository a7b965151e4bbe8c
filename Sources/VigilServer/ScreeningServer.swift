import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import VigilIndex

/// `vigil serve`: screening over TCP, one JSON object per line each way (docs/server.md).
///
/// Event loops only frame lines and write responses; decoding and screening run on a thread pool,
/// so a slow request never stalls other connections. The index is swapped atomically on reload
/// (`reload` op, SIGHUP via `ServerSignals`, or `reload(path:)`); requests in flight finish on the
/// index they started with.
///
/// Lifecycle: `start()` binds, `shutdown()` stops accepting and lets every connection finish what it
/// has read (closing any left after `shutdownGracePeriod`), `waitUntilStopped()` blocks until then.
public final class ScreeningServer: Sendable {
    public let configuration: ServerConfiguration
    package let store: IndexStore
    /// Counters and latency, in Prometheus text format (`metrics` op, `--metrics-port`).
    package let metrics = ServerMetrics()
    private let log: @Sendable (String) -> Void
    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private let state = NIOLockedValueBox(State())
    /// true once everything is shut down.
    private let stopped = ConditionLock(value: false)

    private struct State {
        var started = false
        var accepting = false
        var shuttingDown = false
        var finished = false
        var listener: (any Channel)?
        var metricsListener: (any Channel)?
        var service: RequestService?
        var connections: [ObjectIdentifier: any Channel] = [:]
    }

    /// - Parameters:
    ///   - index: the opened index to serve.
    ///   - indexPath: where it was opened from (a `reload` without a path re-opens this).
    ///   - log: receives one line per notable event (reload, shutdown); default: none.
    public init(
        configuration: ServerConfiguration, index: SearchIndex, indexPath: String,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.store = IndexStore(index: index, path: indexPath)
        self.log = log
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.ioThreads))
        self.pool = NIOThreadPool(numberOfThreads: max(1, configuration.screeningThreads))
    }

    /// Binds and starts serving.
    /// - Returns: the bound address (with the real port when `port` was 0).
    /// - Throws: `tokenRequired` for a non-loopback address without a token, `bindFailed`, or
    ///   `invalidConfiguration`; the server is then not running and may be dropped.
    @discardableResult
    public func start() throws(ServerStartError) -> SocketAddress {
        let c = configuration
        try c.validate()
        let address: SocketAddress
        do { address = try SocketAddress.makeAddressResolvingHost(c.host, port: c.port) } catch {
            throw .bindFailed(host: c.host, port: c.port, reason: "\(error)")
        }
        let loopback = ServerConfiguration.isLoopback(address)
        if !loopback && c.token == nil { throw .tokenRequired(host: c.host) }
        var limits = RequestLimits()
        limits.maximumBatchSize = c.maximumBatchSize
        limits.defaults = c.defaultOptions
        let service = RequestService(
            store: store, authorization: Authorization(token: c.token, requiredForEveryRequest: !loopback), limits: limits,
            metrics: metrics)
        let fresh = state.withLockedValue { s -> Bool in
            guard !s.started else { return false }
            s.started = true
            s.accepting = true
            s.service = service
            return true
        }
        guard fresh else { throw .alreadyStarted }
        pool.start()
        let listener: any Channel
        do {
            listener = try ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { channel in self.initialize(channel, service: service) }
                .bind(to: address).wait()
        } catch {
            state.withLockedValue {
                $0.accepting = false
                $0.shuttingDown = true  // nothing to drain: a later shutdown() only waits
            }
            finish()
            throw .bindFailed(host: c.host, port: c.port, reason: "\(error)")
        }
        state.withLockedValue { $0.listener = listener }
        if let metricsPort = c.metricsPort {
            do {
                let metrics = self.metrics
                let endpoint = try ServerBootstrap(group: group)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(IdleStateHandler(allTimeout: .seconds(10)))
                            try channel.pipeline.syncOperations.addHandler(MetricsEndpointHandler(metrics: metrics))
                        }
                    }
                    .bind(to: try SocketAddress.makeAddressResolvingHost(c.host, port: metricsPort)).wait()
                state.withLockedValue { $0.metricsListener = endpoint }
            } catch {
                shutdown()
                throw .bindFailed(host: c.host, port: metricsPort, reason: "metrics port: \(error)")
            }
        }
        return listener.localAddress ?? address
    }

    /// The bound metrics port, when one was asked for.
    public var metricsPort: Int? { state.withLockedValue { $0.metricsListener?.localAddress?.port } }

    /// The bound port, once started.
    public var localPort: Int? { state.withLockedValue { $0.listener?.localAddress?.port } }

    /// Open connections now.
    public var connectionCount: Int { state.withLockedValue { $0.connections.count } }

    /// True once `shutdown()` has been called.
    public var isShuttingDown: Bool { state.withLockedValue { $0.shuttingDown } }

    /// Opens and verifies the index at `path` (default: the path served now) and swaps it in, as the
    /// `reload` op does. Blocks while the index loads; on failure the old index keeps serving.
    /// - Returns: a one-line description of what is served now, or why the reload was refused.
    public func reload(path: String? = nil) -> Result<String, IndexError> {
        let result = store.reloadNow(path: path).map { r in
            "reloaded \(r.current.path): generation \(r.current.number), built \(r.current.index.meta.buildTime), \(r.current.index.meta.entityCount) entities"
        }
        metrics.serving(store.current)
        switch result {
        case .success(let text): log(text)
        case .failure(let error): log("reload refused, still serving \(store.current.path): \(error)")
        }
        return result
    }

    // MARK: connections

    private func initialize(_ channel: any Channel, service: RequestService) -> EventLoopFuture<Void> {
        let c = configuration
        let key = ObjectIdentifier(channel)
        let refusal: ProtocolError? = state.withLockedValue { s in
            guard s.accepting else { return ProtocolError(.shuttingDown, "the server is shutting down") }
            guard s.connections.count < c.maximumConnections else {
                return ProtocolError(.tooManyConnections, "the server has \(c.maximumConnections) connections open; retry later")
            }
            s.connections[key] = channel
            return nil
        }
        if let refusal {
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(RefusalHandler(refusal))
            }
        }
        metrics.connectionOpened()
        channel.closeFuture.whenComplete { _ in
            _ = self.state.withLockedValue { $0.connections.removeValue(forKey: key) }
            self.metrics.connectionClosed()
        }
        var limits = ConnectionLimits()
        limits.maximumInFlight = c.maximumInFlightPerConnection
        limits.maximumLineLength = c.maximumLineLength
        let pool = self.pool
        return channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            if let idle = c.idleTimeout { try pipeline.addHandler(IdleStateHandler(allTimeout: idle)) }
            if let line = c.lineTimeout { try pipeline.addHandler(LineTimeoutHandler(timeout: line)) }
            try pipeline.addHandler(ByteToMessageHandler(
                LineFrameDecoder(maximumLineLength: c.maximumLineLength), maximumBufferSize: c.maximumLineLength + 2))
            try pipeline.addHandler(ConnectionHandler(service: service, pool: pool, limits: limits))
        }
    }

    // MARK: shutdown

    /// Begins a graceful shutdown and returns at once: stop accepting, answer every request already
    /// read on each connection, close it; after `shutdownGracePeriod` close whatever is left; then stop
    /// the threads. Calling it again does nothing; `waitUntilStopped()` waits for the end.
    public func shutdown() {
        let begun = state.withLockedValue { s -> (listener: (any Channel)?, service: RequestService?)? in
            guard s.started, !s.shuttingDown else { return nil }
            s.shuttingDown = true
            s.accepting = false
            return (s.listener, s.service)
        }
        guard let begun else {
            if !state.withLockedValue({ $0.started }) { finish() }
            return
        }
        begun.service?.draining = true
        let loop = group.next()
        let grace = configuration.shutdownGracePeriod
        state.withLockedValue { $0.metricsListener }?.close(promise: nil)
        let listenerClosed = begun.listener?.close() ?? loop.makeSucceededVoidFuture()
        listenerClosed.hop(to: loop).flatMapErrorThrowing { _ in () }.flatMap { () -> EventLoopFuture<Void> in
            let open = self.state.withLockedValue { Array($0.connections.values) }
            self.log("shutting down: draining \(open.count) connection(s)")
            for channel in open { channel.pipeline.fireUserInboundEventTriggered(DrainEvent()) }
            let deadline = loop.scheduleTask(in: grace) {
                for channel in open { channel.close(promise: nil) }
            }
            return EventLoopFuture.andAllComplete(open.map(\.closeFuture), on: loop).always { _ in deadline.cancel() }
        }.whenComplete { _ in
            self.finish()
        }
    }

    /// Closes every connection now, answered or not (a second SIGTERM).
    public func closeAllConnections() {
        let open = state.withLockedValue { Array($0.connections.values) }
        for channel in open { channel.close(promise: nil) }
    }

    /// Blocks until a shutdown has completed. Call from outside the server's threads.
    public func waitUntilStopped() {
        stopped.lock(whenValue: true)
        stopped.unlock()
    }

    /// `shutdown()` then `waitUntilStopped()`.
    public func shutdownAndWait() {
        shutdown()
        waitUntilStopped()
    }

    /// Stops the pool and the event loops (off the event loops, which cannot wait for themselves).
    private func finish() {
        let first = state.withLockedValue { s -> Bool in
            defer { s.finished = true }
            return !s.finished
        }
        guard first else { return }
        let pool = self.pool
        let group = self.group
        let stopped = self.stopped
        let log = self.log
        DispatchQueue.global().async {
            pool.shutdownGracefully { _ in
                group.shutdownGracefully { _ in
                    log("stopped")
                    stopped.lock()
                    stopped.unlock(withValue: true)
                }
            }
        }
    }
}

/// Tells a connection the server cannot take it, then closes it.
private final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let error: ProtocolError

    init(_ error: ProtocolError) { self.error = error }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(NIOAny(ResponseEncoder.error(id: .null, error))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
