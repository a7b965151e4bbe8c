import NIOCore

/// Told to the `ConnectionHandler` when a request line stayed unfinished too long.
package struct LineTimeoutEvent: Sendable {
    package let timeout: TimeAmount
}

/// Watches the raw bytes of a connection for a request line that never ends: a client that trickles a
/// byte now and then (slowloris) keeps the idle timeout from firing and holds a connection slot forever.
///
/// The clock starts at the first byte of an unfinished line and stops at its newline. It counts only
/// while the server is waiting for input: when reads are held (back-pressure, the server still busy
/// with earlier requests) the client is not the one being slow, so the clock starts again. On timeout
/// a `LineTimeoutEvent` goes up the pipeline; the `ConnectionHandler` answers `read_timeout` after
/// every earlier request and closes.
package final class LineTimeoutHandler: ChannelDuplexHandler {
    package typealias InboundIn = ByteBuffer
    package typealias InboundOut = ByteBuffer
    package typealias OutboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// The server asked for input and none has arrived since.
    private var waitingForClient = false
    private var fired = false

    package init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        waitingForClient = false
        let view = unwrapInboundIn(data).readableBytesView
        if let last = view.last {
            if last == UInt8(ascii: "\n") {
                stop()
            } else if timer == nil || view.contains(UInt8(ascii: "\n")) {
                // A new unfinished line began in this read.
                start(context: context)
            }
        }
        context.fireChannelRead(data)
    }

    package func read(context: ChannelHandlerContext) {
        waitingForClient = true
        context.read()
    }

    package func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    private func start(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { self.expire(context: context) }
    }

    private func stop() {
        timer?.cancel()
        timer = nil
    }

    private func expire(context: ChannelHandlerContext) {
        timer = nil
        guard !fired else { return }
        guard waitingForClient else { return start(context: context) }
        fired = true
        context.fireUserInboundEventTriggered(LineTimeoutEvent(timeout: timeout))
    }
}
