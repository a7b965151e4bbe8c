import NIOCore

/// One unit of input on a connection: a line, or the news that a line went over the limit.
package enum LineFrame: Sendable, Equatable {
    /// A line without its `\n` (and without a `\r` before it).
    case line(ByteBuffer)
    /// A line longer than the limit. It is answered with `line_too_long`; its bytes are dropped up to
    /// and including the next `\n`, and the connection goes on with the line after it.
    case tooLong
}

/// Splits a byte stream at `\n` into `LineFrame`s, never holding more than `maximumLineLength` bytes.
///
/// Edge cases, so callers need not read the body:
/// - A line may arrive in any number of reads, and one read may hold many lines.
/// - `\r\n` endings are accepted (the `\r` is dropped); empty lines are passed on (callers skip them).
/// - A line longer than `maximumLineLength` bytes (not counting its line ending) yields one `.tooLong`
///   as soon as the limit is passed, even before its `\n` arrives; the rest of it is discarded as it comes.
/// - At end of input, an unterminated last line is passed on as a line.
///
/// - Complexity: O(n) over the input: bytes already searched for `\n` are not searched again when
///   more arrive, so a long line in many small reads is not quadratic.
package struct LineFrameDecoder: ByteToMessageDecoder {
    package typealias InboundOut = LineFrame

    package let maximumLineLength: Int
    /// How many readable bytes, from the reader index, are known to hold no `\n`.
    private var scanned = 0
    /// True while dropping the rest of an over-long line.
    private var discarding = false

    /// - Parameters:
    ///   - maximumLineLength: the longest accepted line in bytes, excluding the line ending.
    package init(maximumLineLength: Int) {
        precondition(maximumLineLength > 0, "maximumLineLength must be positive")
        self.maximumLineLength = maximumLineLength
    }

    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = nextFrame(&buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }

    package mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        if let frame = nextFrame(&buffer) {
            context.fireChannelRead(wrapInboundOut(frame))
            return .continue
        }
        // An unterminated last line is still a request; a discarded tail is already answered.
        if buffer.readableBytes > 0, !discarding, let line = buffer.readSlice(length: buffer.readableBytes) {
            scanned = 0
            context.fireChannelRead(wrapInboundOut(.line(Self.droppingCarriageReturn(line))))
        }
        return .needMoreData
    }

    /// The next frame in `buffer`, consuming its bytes; nil when more input is needed.
    package mutating func nextFrame(_ buffer: inout ByteBuffer) -> LineFrame? {
        while true {
            let view = buffer.readableBytesView
            if discarding {
                guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
                    buffer.moveReaderIndex(forwardBy: view.count)
                    return nil
                }
                buffer.moveReaderIndex(to: newline + 1)
                discarding = false
                scanned = 0
                continue
            }
            if let newline = view[(view.startIndex + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                scanned = 0
                let length = newline - view.startIndex
                let line = buffer.readSlice(length: length)!
                buffer.moveReaderIndex(forwardBy: 1)
                let frame = Self.droppingCarriageReturn(line)
                return frame.readableBytes > maximumLineLength ? .tooLong : .line(frame)
            }
            // "\r" may still be followed by "\n", so allow one byte over the limit before giving up.
            scanned = view.count
            if view.count > maximumLineLength + 1
                || (view.count == maximumLineLength + 1 && view.last != UInt8(ascii: "\r")) {
                buffer.moveReaderIndex(forwardBy: view.count)
                scanned = 0
                discarding = true
                return .tooLong
            }
            return nil
        }
    }

    private static func droppingCarriageReturn(_ line: ByteBuffer) -> ByteBuffer {
        guard line.readableBytesView.last == UInt8(ascii: "\r") else { return line }
        return line.getSlice(at: line.readerIndex, length: line.readableBytes - 1)!
    }
}
