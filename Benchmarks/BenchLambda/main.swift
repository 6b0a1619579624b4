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

    /// One response: its headers (lower-cased names) and body.
    mutating func receive() -> ([String: String], [UInt8]) {
        while true {
            var found: Int?
            if buffer.count >= 4 {
                for index in 0...(buffer.count - 4)
                where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                    found = index
                    break
                }
            }
            if let end = found {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                var headers: [String: String] = [:]
                for line in head.split(separator: "\r\n").dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                while buffer.count < end + 4 + length { fill() }
                let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                return (headers, body)
            }
            fill()
        }
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
    while true {
        client.send(Array("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n".utf8))
        let (headers, body) = client.receive()
        let id = headers["lambda-runtime-aws-request-id"] ?? ""
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
