import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A plain HTTP client for smoke runs: one request, the whole answer.
struct SmokeClient {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var milliseconds: Double

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The value at a dotted path of a JSON body, as text.
        func field(_ path: String) -> String? {
            var current: Any? = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            for key in path.split(separator: ".") {
                if let object = current as? [String: Any] {
                    current = object[String(key)]
                } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                    current = array[index]
                } else {
                    return nil
                }
            }
            switch current {
            case let text as String: return text
            case let number as NSNumber: return number.stringValue
            case nil, is NSNull: return nil
            case let other?: return (try? JSONSerialization.data(withJSONObject: other)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    /// How long a request may take, from connecting to the last byte of its answer.
    static let timeout = TimeAmount.seconds(60)

    /// Sends one request on a connection of its own (`Connection: close`) and reads the whole answer.
    /// Plain HTTP/1.1 over SwiftNIO: a smoke run talks to the emulator it started, on loopback, so the
    /// binary needs neither FoundationNetworking nor libcurl. Redirects are not followed: a step sees
    /// the API's own answer.
    func send(_ method: String, _ url: String, headers: [String: String], body: Data?) async throws -> Answer {
        guard let components = URLComponents(string: url), components.scheme == "http", let host = components.host, !host.isEmpty else {
            throw ScenarioError("not an http:// URL: \(url)")
        }
        let port = components.port ?? 80
        var uri = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { uri += "?" + query }
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: uri)
        head.headers.add(name: "Host", value: "\(host):\(port)")
        for (name, value) in headers { head.headers.replaceOrAdd(name: name, value: value) }
        let length = body?.count ?? 0
        if length > 0 || !["GET", "HEAD"].contains(method) { head.headers.replaceOrAdd(name: "Content-Length", value: String(length)) }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        let started = ContinuousClock.now
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(Self.timeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        let deadline = channel.channel.eventLoop.scheduleTask(in: Self.timeout) { channel.channel.close(promise: nil) }
        defer { deadline.cancel() }
        let (status, fields, data) = try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(.head(head))
            if let body, !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var status: Int?
            var fields: [String: String] = [:]
            var data = Data()
            receiving: for try await part in inbound {
                switch part {
                case .head(let response):
                    status = Int(response.status.code)
                    for (name, value) in response.headers {
                        let key = name.lowercased()
                        fields[key] = fields[key].map { $0 + ", " + value } ?? value
                    }
                case .body(let buffer): data.append(contentsOf: buffer.readableBytesView)
                case .end: break receiving
                }
            }
            guard let status else { throw ScenarioError("\(method) \(url): no answer within \(Self.timeout.nanoseconds / 1_000_000_000) s") }
            return (status, fields, data)
        }
        let elapsed = ContinuousClock.now - started
        return Answer(
            status: status,
            headers: fields,
            body: data,
            milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        )
    }
}
