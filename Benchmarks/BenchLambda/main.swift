// One function built both ways, for the out-of-process benchmark: `BenchLambda up …` is an emulate
// executable with the handler registered in process; `BenchLambda runtime` is the same handler as a
// deployed provided.al2023 function speaking Lambda's Runtime API (decoding its event and encoding its
// answer with Codable, as a swift-aws-lambda-runtime function does) over one keep-alive connection.
import APIGatewayEmulator
import EmulatorCLI
import Foundation
import LambdaEmulator

#if canImport(Glibc)
import Glibc
#endif

@Sendable func hello(_ event: APIGatewayV2Request) -> APIGatewayV2Response {
    APIGatewayV2Response(statusCode: 200, headers: ["content-type": "text/plain"], body: "hello \(event.rawPath)")
}

/// A minimal Runtime API client: blocking sockets, HTTP/1.1 keep-alive, content-length bodies.
struct RuntimeClient {
    let socket: Int32
    var buffer: [UInt8] = []

    init?(address: String) {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else { return nil }
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        inet_pton(AF_INET, String(parts[0]), &addr.sin_addr)
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
    }

    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard count > 0 else { exit(1) }
            sent += count
        }
    }

    /// One response: the value of the header `wanted` (a lower-case name) and the body. Read from the
    /// bytes as an HTTP parser does (a runtime built on SwiftNIO parses with llhttp), not through `String`.
    mutating func receive(header wanted: [UInt8] = []) -> (String?, [UInt8]) {
        var scanned = 0
        while true {
            var end: Int?
            if buffer.count >= 4 {
                for index in max(0, scanned - 3)...(buffer.count - 4)
                where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                    end = index
                    break
                }
                scanned = buffer.count
            }
            guard let end else {
                fill()
                continue
            }
            var length = 0
            var value: String?
            var line = 0
            while line < end {
                var next = line
                while next < end, buffer[next] != 13 { next += 1 }
                if let colon = buffer[line..<next].firstIndex(of: 58) {
                    var start = colon + 1
                    while start < next, buffer[start] == 32 { start += 1 }
                    if Self.names(buffer[line..<colon], Self.contentLength) {
                        length = buffer[start..<next].reduce(0) { $0 * 10 + Int($1 &- 48) }
                    } else if !wanted.isEmpty, Self.names(buffer[line..<colon], wanted) {
                        value = String(decoding: buffer[start..<next], as: UTF8.self)
                    }
                }
                line = next + 2
            }
            while buffer.count < end + 4 + length { fill() }
            let body = Array(buffer[(end + 4)..<(end + 4 + length)])
            buffer.removeFirst(end + 4 + length)
            return (value, body)
        }
    }

    private static let contentLength = Array("content-length".utf8)

    /// Whether `name` is `lowercased`, ignoring ASCII case.
    private static func names(_ name: ArraySlice<UInt8>, _ lowercased: [UInt8]) -> Bool {
        name.count == lowercased.count && zip(name, lowercased).allSatisfy { ($0 | 0x20) == $1 }
    }

    private mutating func fill() {
        let socket = self.socket
        let chunk = [UInt8](unsafeUninitializedCapacity: 65536) { storage, initialized in
            initialized = max(0, read(socket, storage.baseAddress, storage.count))
        }
        guard !chunk.isEmpty else { exit(0) }
        buffer += chunk
    }
}

if CommandLine.arguments.dropFirst().first == "runtime" {
    guard let address = ProcessInfo.processInfo.environment["AWS_LAMBDA_RUNTIME_API"], var client = RuntimeClient(address: address) else {
        FileHandle.standardError.write(Data("BenchLambda: AWS_LAMBDA_RUNTIME_API is not a reachable ip:port\n".utf8))
        exit(1)
    }
    let decoder = JSONDecoder()
    let encoder = JSONEncoder()
    let requestIDHeader = Array("lambda-runtime-aws-request-id".utf8)
    while true {
        client.send(Array("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n".utf8))
        let (requestID, body) = client.receive(header: requestIDHeader)
        let id = requestID ?? ""
        let answer =
            (try? decoder.decode(APIGatewayV2Request.self, from: Data(body))).map(hello).flatMap { try? encoder.encode($0) } ?? Data("{}".utf8)
        client.send(
            Array("POST /2018-06-01/runtime/invocation/\(id)/response HTTP/1.1\r\nHost: runtime\r\nContent-Length: \(answer.count)\r\n\r\n".utf8)
                + answer
        )
        _ = client.receive()
    }
} else {
    var handlers = HandlerRegistry()
    handlers.register("bench/hello.handler") { (event: APIGatewayV2Request, _: LambdaContext) in hello(event) }
    await EmulatorCommandLine.main(handlers: handlers)
}
