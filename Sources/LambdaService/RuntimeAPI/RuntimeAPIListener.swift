import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// One request to the Runtime API, read whole (a chunked body included, and its trailers).
struct RuntimeAPIRequest: Sendable {
    var method: HTTPMethod
    var path: String
    var headers: HTTPHeaders
    var body: [UInt8]
    /// The body was longer than the listener's limit: `body` holds its first `limit` bytes only.
    var bodyTooLarge: Bool
    /// The body's whole length, as received.
    var bodyLength: Int
    var trailers: HTTPHeaders?
}

/// One answer of the Runtime API.
struct RuntimeAPIResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// Called once the answer is written (true) or could not be (false: the connection had gone), so an
    /// invocation handed to a `next` whose runtime went away is handed out again rather than lost.
    var written: (@Sendable (Bool) -> Void)?
}

/// A loopback HTTP/1.1 listener for one process's Runtime API: each request is read whole and answered
/// by `respond`, at once or as late as it needs (`next` waits for an invocation), with no task in
/// between; keep-alive and pipelined requests are served in order. Plain SwiftNIO, so chunked bodies and their trailers arrive
/// as the runtime sent them.
final class RuntimeAPIListener: Sendable {
    /// Answers a request by calling its second argument, at once or later, from any thread.
    typealias Responder = @Sendable (RuntimeAPIRequest, @escaping @Sendable (RuntimeAPIResponse) -> Void) -> Void

    /// The bound port.
    let port: Int
    private let channel: any Channel

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.port = port
    }

    /// Binds `127.0.0.1` on a free port.
    static func start(bodyLimit: Int, respond: @escaping Responder) async throws -> RuntimeAPIListener {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try configure(channel.pipeline.syncOperations, bodyLimit: bodyLimit, respond: respond) }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return RuntimeAPIListener(channel: channel, port: channel.localAddress?.port ?? 0)
    }

    /// Sets up a connection's pipeline: NIO's HTTP/1.1 server codec, then the handler that reads each
    /// request whole and writes `respond`'s answer.
    static func configure(_ pipeline: ChannelPipeline.SynchronousOperations, bodyLimit: Int, respond: @escaping Responder) throws {
        try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
        try pipeline.addHandler(RuntimeAPIHandler(bodyLimit: bodyLimit, respond: respond))
    }

    /// Stops accepting connections and closes the listener.
    func close() async {
        try? await channel.close()
    }
}

/// Collects a request's parts and writes its answer once the responder has one.
private final class RuntimeAPIHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let bodyLimit: Int
    private let respond: RuntimeAPIListener.Responder
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false
    private var length = 0

    init(bodyLimit: Int, respond: @escaping RuntimeAPIListener.Responder) {
        self.bodyLimit = bodyLimit
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            tooLarge = false
            length = 0
        case .body(var buffer):
            length += buffer.readableBytes
            let room = bodyLimit - body.count
            if buffer.readableBytes > room {
                tooLarge = true
                if room > 0, let bytes = buffer.readBytes(length: room) { body += bytes }
            } else if let bytes = buffer.readBytes(length: buffer.readableBytes) {
                body += bytes
            }
        case .end(let trailers):
            guard let head else { return }
            self.head = nil
            let request = RuntimeAPIRequest(
                method: head.method,
                path: head.uri,
                headers: head.headers,
                body: body,
                bodyTooLarge: tooLarge,
                bodyLength: length,
                trailers: trailers
            )
            body = []
            let keepAlive = head.isKeepAlive
            let version = head.version
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            respond(request) { response in
                // Most answers are given at once, on this event loop; `next`'s when an invocation arrives.
                if eventLoop.inEventLoop {
                    let (handler, context) = loopBound.value
                    handler.write(response, version: version, keepAlive: keepAlive, context: context)
                } else {
                    eventLoop.execute {
                        let (handler, context) = loopBound.value
                        handler.write(response, version: version, keepAlive: keepAlive, context: context)
                    }
                }
            }
        }
    }

    private func write(_ response: RuntimeAPIResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Date", value: HTTPDate.now)
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        let written = response.written
        let channel = context.channel
        done.futureResult.whenComplete { result in
            if case .success = result { written?(true) } else { written?(false) }
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}

/// The `Date` header's value.
private enum HTTPDate {
    static var now: String {
        var time = time_t(0)
        _ = Glibc.time(&time)
        var parts = tm()
        gmtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
