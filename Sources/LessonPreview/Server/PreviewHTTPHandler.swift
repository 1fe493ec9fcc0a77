import NIOCore
import NIOHTTP1

/// One HTTP connection of the preview: collects a request (refusing bodies over
/// the limit with 413 as soon as it knows), hands it to the router, and writes
/// the reply — a whole response, or an event stream kept open until the page goes.
final class PreviewHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: PreviewRouter
    private let events: EventHub
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// After a 413: the rest of the body is read and dropped (up to a limit), then the connection closes.
    private var discarding: Int?
    private var subscription: Int?

    init(router: PreviewRouter, events: EventHub) {
        self.router = router
        self.events = events
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
            body = []
            discarding = nil
            if let length = request.headers.first(name: "content-length").flatMap({ Int($0) }), length > PreviewRouter.maximumBody {
                refuseTooLarge(context: context)
            }
        case .body(let buffer):
            if let dropped = discarding {
                discarding = dropped + buffer.readableBytes
                if dropped + buffer.readableBytes > 1 << 20 { context.close(promise: nil) }
            } else if body.count + buffer.readableBytes > PreviewRouter.maximumBody {
                refuseTooLarge(context: context)
            } else {
                body += buffer.readableBytesView
            }
        case .end:
            if discarding != nil { context.close(promise: nil); return }
            guard let request = head else { return }
            head = nil
            var headers: [String: String] = [:], repeated: Set<String> = []
            for (name, value) in request.headers {
                let key = name.lowercased()
                if headers[key] == nil { headers[key] = value } else { repeated.insert(key) }
            }
            let message = PreviewRequest(method: request.method.rawValue, target: request.uri, headers: headers, body: body,
                                         serverPort: context.channel.localAddress?.port ?? 0, repeatedHeaders: repeated)
            body = []
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let keepAlive = request.isKeepAlive, isHead = request.method == .HEAD
            router.handle(message) { reply in
                bound.eventLoop.execute {
                    let (handler, context) = bound.value
                    handler.write(reply, context: context, keepAlive: keepAlive, isHead: isHead)
                }
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let subscription { events.unsubscribe(subscription) }
        subscription = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func refuseTooLarge(context: ChannelHandlerContext) {
        discarding = 0
        body = []
        write(.response(.text(413, "Request body too large.")), context: context, keepAlive: false, isHead: false,
              closes: false)
        // Half-close: the client reads the 413 and sees the end; what it still sends is dropped.
        let channel = context.channel
        context.flush()
        channel.close(mode: .output, promise: nil)
    }

    private func write(_ reply: PreviewReply, context: ChannelHandlerContext, keepAlive: Bool, isHead: Bool,
                       closes: Bool = true) {
        guard context.channel.isActive else { return }
        switch reply {
        case .eventStream:
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8")
            headers.add(name: "Cache-Control", value: "no-store")
            // Subscribed before the first bytes go out: a page that saw them misses no event.
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            subscription = events.subscribe { chunk in
                bound.eventLoop.execute {
                    let (handler, context) = bound.value
                    guard context.channel.isActive else { return }
                    context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: chunk)))), promise: nil)
                }
            }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: EventHub.opening)))), promise: nil)
        case .response(let response):
            var headers = HTTPHeaders(response.headers)
            headers.add(name: "Content-Length", value: String(response.body.count))
            headers.add(name: "X-Content-Type-Options", value: "nosniff")
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            let status = HTTPResponseStatus(statusCode: response.status)
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
            if !isHead { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil) }
            let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive && closes {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
