import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import VigilIndex
import VigilScreening

/// Who may do what: the shared-secret `token`, when the server has one.
package struct Authorization: Sendable {
    /// The server's token; nil when none is set.
    package var token: [UInt8]?
    /// True when every request must carry the token (the server binds a non-loopback address).
    package var requiredForEveryRequest: Bool

    package init(token: String?, requiredForEveryRequest: Bool) {
        self.token = token.map { Array($0.utf8) }
        self.requiredForEveryRequest = requiredForEveryRequest
    }

    /// Reload always needs the token when one is set; other operations only on non-loopback binds.
    package func allows(_ e: RequestEnvelope) -> Bool {
        guard let token else { return !requiredForEveryRequest }
        guard requiredForEveryRequest || e.op == OperationName.reload.rawValue else { return true }
        guard let given = e.token else { return false }
        return Self.constantTimeEqual(Array(given.utf8), token)
    }

    /// Compares without an early exit, so the time taken does not tell how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// Answers request lines. Stateless apart from the shared index store and the draining flag, so
/// any screening thread may run it; `handle` never blocks on I/O.
package final class RequestService: Sendable {
    /// What became of a line: a response to send, or a reload to run off the screening threads.
    package enum Outcome: Sendable {
        case response(ByteBuffer)
        case reload(id: JSONValue, path: String?)
    }

    package let store: IndexStore
    package let authorization: Authorization
    package let limits: RequestLimits
    package let metrics: ServerMetrics
    private let drainingFlag = NIOLockedValueBox(false)

    package init(store: IndexStore, authorization: Authorization, limits: RequestLimits = RequestLimits(),
                 metrics: ServerMetrics = ServerMetrics()) {
        self.store = store
        self.authorization = authorization
        self.limits = limits
        self.metrics = metrics
        metrics.serving(store.current)
    }

    /// True once a graceful shutdown has begun (`health` then reports `draining`).
    package var draining: Bool {
        get { drainingFlag.withLockedValue { $0 } }
        set { drainingFlag.withLockedValue { $0 = newValue } }
    }

    /// Decodes, authorizes and answers one line, and counts it (`metrics`).
    /// - Complexity: O(line length) to decode, plus one screening per customer.
    package func handle(_ line: ByteBuffer) -> Outcome {
        let start = ContinuousClock.now
        let (outcome, op, errorCode) = answer(line)
        // A reload is counted when it has run (`respond(to:pool:eventLoop:)`).
        if case .response = outcome { metrics.request(op: op, errorCode: errorCode, duration: ContinuousClock.now - start) }
        return outcome
    }

    private func answer(_ line: ByteBuffer) -> (Outcome, op: String, errorCode: String?) {
        let decoded = line.withUnsafeReadableBytes { RequestDecoder.envelope($0) }
        let envelope: RequestEnvelope
        switch decoded {
        case .failure(let f): return (.response(ResponseEncoder.error(id: f.id, f.error)), "invalid", f.error.code.rawValue)
        case .success(let e): envelope = e
        }
        // Only known names become label values: a client cannot grow the metric set.
        let op = OperationName(rawValue: envelope.op)?.rawValue ?? "invalid"
        guard authorization.allows(envelope) else {
            let message = envelope.token == nil ? "this request needs the server's \"token\"" : "wrong \"token\""
            return (.response(ResponseEncoder.error(id: envelope.id, ProtocolError(.unauthorized, message))), op, ProtocolError.Code.unauthorized.rawValue)
        }
        let operation: Operation
        do { operation = try RequestDecoder.operation(envelope, limits: limits) } catch {
            return (.response(ResponseEncoder.error(id: envelope.id, error)), op, error.code.rawValue)
        }
        return (respond(to: operation, id: envelope.id), op, nil)
    }

    private func respond(to operation: Operation, id: JSONValue) -> Outcome {
        switch operation {
        case .screen(let customer, let options):
            let result = Screener(matcher: store.current.matcher, options: options).screen(customer)
            metrics.screened(customers: 1, alerts: result.alert ? 1 : 0)
            return .response(ResponseEncoder.ok(id: id) { result.encode(into: &$0) })
        case .batch(let customers, let options):
            let screener = Screener(matcher: store.current.matcher, options: options)
            let results = customers.map { c in
                c.name.allSatisfy(\.isWhitespace)
                    ? ScreeningResult(id: c.id, line: nil, threshold: options.threshold, matches: [], error: "name is empty")
                    : screener.screen(c)
            }
            metrics.screened(customers: results.count, alerts: results.filter(\.alert).count)
            return .response(ResponseEncoder.ok(id: id) { ResponseEncoder.batch(results, into: &$0) })
        case .info:
            let generation = store.current
            return .response(ResponseEncoder.ok(id: id) { ResponseEncoder.info(generation, into: &$0) })
        case .health:
            let generation = store.current
            let draining = self.draining
            return .response(ResponseEncoder.ok(id: id) { ResponseEncoder.health(generation, draining: draining, into: &$0) })
        case .metrics:
            let text = metrics.text()
            return .response(ResponseEncoder.ok(id: id) { w in
                w.beginObject()
                w.field("format", "prometheus-text-0.0.4")
                w.field("text", text)
                w.endObject()
            })
        case .reload(let path):
            return .reload(id: id, path: path)
        }
    }

    /// The response to a finished reload.
    package func reloadResponse(id: JSONValue, _ result: Result<ReloadOutcome, IndexError>) -> ByteBuffer {
        switch result {
        case .success(let outcome):
            metrics.serving(outcome.current)
            return ResponseEncoder.ok(id: id) { ResponseEncoder.reload(outcome, into: &$0) }
        case .failure(let error):
            return ResponseEncoder.error(
                id: id, ProtocolError(.reloadFailed, "\(error) (still serving \(store.current.path), generation \(store.current.number))"))
        }
    }

    /// Handles a line and, for `reload`, runs the reload; the future completes on `eventLoop`.
    package func respond(to line: ByteBuffer, pool: NIOThreadPool, eventLoop: any EventLoop) -> EventLoopFuture<ByteBuffer> {
        pool.runIfActive(eventLoop: eventLoop) { self.handle(line) }.flatMap { outcome in
            switch outcome {
            case .response(let buffer):
                return eventLoop.makeSucceededFuture(buffer)
            case .reload(let id, let path):
                let start = ContinuousClock.now
                return self.store.reload(path: path, eventLoop: eventLoop).map { result in
                    let failed = (try? result.get()) == nil
                    self.metrics.request(op: "reload", errorCode: failed ? ProtocolError.Code.reloadFailed.rawValue : nil,
                                         duration: ContinuousClock.now - start)
                    return self.reloadResponse(id: id, result)
                }
            }
        }
    }
}
