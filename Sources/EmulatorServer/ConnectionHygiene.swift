import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Makes the listeners answer hostile or old clients as a well-kept server does: an HTTP/1.0 request
/// without `keep-alive` gets its connection closed after the answer (its head is marked
/// `Connection: close` before it turns into an HTTP-types request, which carries no version).
/// Added with `HTTP1Channel.Configuration.additionalChannelHandlers`; it moves its worker in front
/// of the HTTP-types codec and removes itself.
final class ConnectionHygieneInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
            try? pipeline.addHandler(HTTP10ConnectionClose(), position: .before(codec))
        }
        _ = context.pipeline.syncOperations.removeHandler(context: context)
    }
}

/// Marks HTTP/1.0 requests that do not ask for keep-alive `Connection: close`.
final class HTTP10ConnectionClose: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), head.version.major == 1, head.version.minor == 0, !head.isKeepAlive else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
