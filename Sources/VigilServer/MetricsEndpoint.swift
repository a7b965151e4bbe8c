import NIOCore

/// `GET /metrics` over plain HTTP/1.1 on `--metrics-port`, for a Prometheus scraper: one request per
/// connection, answered with the exposition text and closed. Anything else gets 404 or 400; a request
/// head over 8 KiB is refused. Bound to the server's host, so loopback stays loopback.
final class MetricsEndpointHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let maximumHeadLength = 8192
    private let metrics: ServerMetrics
    private var head: [UInt8] = []
    private var answered = false

    init(metrics: ServerMetrics) { self.metrics = metrics }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        var buffer = unwrapInboundIn(data)
        head += buffer.readBytes(length: buffer.readableBytes) ?? []
        let end: [UInt8] = [13, 10, 13, 10]
        guard let requestLineEnd = head.firstIndex(of: 13), head.count >= 4,
              (0...(head.count - 4)).contains(where: { head[$0..<($0 + 4)].elementsEqual(end) }) else {
            if head.count > Self.maximumHeadLength { respond(context, status: "431 Request Header Fields Too Large", body: "request head too long\n") }
            return
        }
        let requestLine = String(decoding: head[..<requestLineEnd], as: UTF8.self).split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            respond(context, status: "400 Bad Request", body: "not an HTTP/1.x request\n")
            return
        }
        let path = requestLine[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        switch (requestLine[0], path) {
        case ("GET", "/metrics"), ("HEAD", "/metrics"):
            respond(context, status: "200 OK", body: metrics.text(), contentType: "text/plain; version=0.0.4; charset=utf-8",
                    omitBody: requestLine[0] == "HEAD")
        case (_, "/metrics"):
            respond(context, status: "405 Method Not Allowed", body: "GET /metrics\n")
        default:
            respond(context, status: "404 Not Found", body: "GET /metrics\n")
        }
    }

    private func respond(_ context: ChannelHandlerContext, status: String, body: String,
                         contentType: String = "text/plain; charset=utf-8", omitBody: Bool = false) {
        answered = true
        let bodyBytes = Array(body.utf8)
        let text = "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(bodyBytes.count)\r\nConnection: close\r\n\r\n"
        var out = context.channel.allocator.buffer(capacity: text.utf8.count + bodyBytes.count)
        out.writeString(text)
        if !omitBody { out.writeBytes(bodyBytes) }
        context.writeAndFlush(wrapOutboundOut(out)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
}
