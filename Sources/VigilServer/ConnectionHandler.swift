import NIOCore
import NIOPosix

/// Sent down every connection when the server begins a graceful shutdown: stop reading, answer
/// what was already read, then close.
package struct DrainEvent: Sendable {
    package init() {}
}

/// Per-connection limits.
package struct ConnectionLimits: Sendable {
    /// Requests of one connection screened at the same time.
    package var maximumInFlight = 8
    /// Requests read but not yet answered (in flight, or done and waiting for an earlier one)
    /// before the connection stops reading. Bounds memory for a client that pipelines without end.
    package var maximumUnanswered = 256
    /// Longest line, for the `line_too_long` message.
    package var maximumLineLength = 1 << 20

    package init() {}
}

/// Answers the request lines of one connection, in order, with the work done on the thread pool.
///
/// - Ordering: every line gets a sequence number; responses wait in `slots` until every earlier one
///   is written, so pipelined requests are answered in request order even when they finish out of order.
/// - Back-pressure: reads stop while too many requests are unanswered, while lines wait to start, or
///   while the channel is not writable (a client that does not read its responses).
/// - Errors: a bad line gets an error response; an I/O error closes only this connection.
/// - Closing: after a `DrainEvent` or the client's half-close, once every read line is answered.
/// - Idle: an `IdleStateHandler` event closes the connection if nothing is in flight.
/// - Slow lines: a `LineTimeoutEvent` is answered with `read_timeout`, then the connection drains.
package final class ConnectionHandler: ChannelDuplexHandler {
    package typealias InboundIn = LineFrame
    package typealias OutboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    private let service: RequestService
    private let pool: NIOThreadPool
    private let limits: ConnectionLimits

    /// Frames read but not started (at most one read's worth, since reads stop while any wait).
    private var backlog = CircularBuffer<LineFrame>()
    /// Responses in request order; nil while that request is still being worked on.
    private var slots = CircularBuffer<ByteBuffer?>()
    /// Sequence number of `slots.first`.
    private var firstSlot = 0
    private var running = 0
    private var readHeld = false
    private var flushScheduled = false
    private var draining = false
    private var inputClosed = false
    private var closing = false
    /// Output closed after a drain; input read and discarded until the client closes or
    /// `lingerTime` passes.
    private var lingering = false
    static let lingerTime: TimeAmount = .seconds(2)

    package init(service: RequestService, pool: NIOThreadPool, limits: ConnectionLimits) {
        self.service = service
        self.pool = pool
        self.limits = limits
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if case .line(let line) = frame, line.readableBytesView.allSatisfy(Self.isBlank) { return }
        guard !closing else { return }
        backlog.append(frame)
        startWaiting(context: context)
    }

    package func read(context: ChannelHandlerContext) {
        if lingering || canRead(context: context) { context.read() } else { readHeld = true }
    }

    package func channelWritabilityChanged(context: ChannelHandlerContext) {
        resumeReading(context: context)
        context.fireChannelWritabilityChanged()
    }

    package func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is DrainEvent:
            draining = true
            closeIfDone(context: context)
        case ChannelEvent.inputClosed:
            inputClosed = true
            if lingering { context.close(promise: nil) } else { closeIfDone(context: context) }
        case let timedOut as LineTimeoutEvent:
            // Answered after every earlier request (reads are not held when this fires, so nothing waits
            // in the backlog), then the connection drains and closes.
            guard !closing, !draining, backlog.isEmpty else { return }
            let ms = timedOut.timeout.nanoseconds / 1_000_000
            let after = ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
            let error = ProtocolError(.readTimeout, "a request line was not finished within \(after); closing the connection")
            let sequence = firstSlot + slots.count
            slots.append(nil)
            fill(sequence, with: ResponseEncoder.error(id: .null, error), context: context)
            draining = true
            closeIfDone(context: context)
        case is IdleStateHandler.IdleStateEvent:
            if slots.isEmpty && backlog.isEmpty && !closing {
                closing = true
                context.close(promise: nil)
            }
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    package func channelInactive(context: ChannelHandlerContext) {
        closing = true
        backlog.removeAll()
        context.fireChannelInactive()
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // One client's I/O error (reset, broken pipe) ends only its own connection.
        closing = true
        context.close(promise: nil)
    }

    // MARK: work

    private func startWaiting(context: ChannelHandlerContext) {
        while !closing, running < limits.maximumInFlight, let frame = backlog.popFirst() {
            start(frame, context: context)
        }
    }

    private func start(_ frame: LineFrame, context: ChannelHandlerContext) {
        let sequence = firstSlot + slots.count
        slots.append(nil)
        switch frame {
        case .tooLong:
            let error = ProtocolError(
                .lineTooLong, "line longer than \(limits.maximumLineLength) bytes; it was discarded up to the next newline")
            fill(sequence, with: ResponseEncoder.error(id: .null, error), context: context)
        case .line(let line):
            running += 1
            service.respond(to: line, pool: pool, eventLoop: context.eventLoop).assumeIsolated().whenComplete { result in
                self.running -= 1
                let response: ByteBuffer
                switch result {
                case .success(let buffer): response = buffer
                case .failure:
                    response = ResponseEncoder.error(id: .null, ProtocolError(.shuttingDown, "the server is shutting down"))
                }
                self.fill(sequence, with: response, context: context)
                self.startWaiting(context: context)
                self.resumeReading(context: context)
                self.closeIfDone(context: context)
            }
        }
    }

    /// Stores a response and writes every response that is now next in order.
    private func fill(_ sequence: Int, with response: ByteBuffer, context: ChannelHandlerContext) {
        slots[slots.index(slots.startIndex, offsetBy: sequence - firstSlot)] = response
        var wrote = false
        while let first = slots.first, let ready = first {
            slots.removeFirst()
            firstSlot += 1
            context.write(wrapOutboundOut(ready), promise: nil)
            wrote = true
        }
        if wrote { scheduleFlush(context: context) }
    }

    /// One flush per event-loop tick, however many responses became ready in it.
    private func scheduleFlush(context: ChannelHandlerContext) {
        guard !flushScheduled else { return }
        flushScheduled = true
        context.eventLoop.assumeIsolated().execute {
            self.flushScheduled = false
            context.flush()
        }
    }

    // MARK: reading and closing

    private func canRead(context: ChannelHandlerContext) -> Bool {
        !draining && !closing && !inputClosed && backlog.isEmpty
            && slots.count < limits.maximumUnanswered && context.channel.isWritable
    }

    private func resumeReading(context: ChannelHandlerContext) {
        guard readHeld, canRead(context: context) else { return }
        readHeld = false
        context.read()
    }

    private func closeIfDone(context: ChannelHandlerContext) {
        guard draining || inputClosed, !closing, backlog.isEmpty, slots.isEmpty else { return }
        closing = true
        // Writes complete in order: once this empty one is done, every response has been sent.
        context.writeAndFlush(wrapOutboundOut(ByteBuffer())).assumeIsolated().whenComplete { _ in
            guard !self.inputClosed else { return context.close(promise: nil) }
            // Draining while the client may still be sending: closing now, with its requests unread,
            // would send a reset, which can destroy responses still on their way. Half-close instead
            // (the client reads every response, then end of stream), discard what else arrives, and
            // close when the client does or after `lingerTime`.
            self.lingering = true
            context.close(mode: .output, promise: nil)
            context.read()
            context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) { context.close(promise: nil) }
        }
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
}
