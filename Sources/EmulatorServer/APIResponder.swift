import APIGatewayEmulator
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SigV4

/// The API listener: hands each HTTP request to the gateway and logs one line per request
/// (method, path, function, status, duration, request ID).
struct APIResponder: HTTPResponder {
    typealias Context = APIRequestContext

    let slot: GatewaySlot
    /// What the local console shows: each request with its answer.
    let console: ConsoleActivity
    /// Whether request lines colour their status (a terminal without `NO_COLOR`).
    let colorStatus: Bool
    let logger: Logger
    static let maximumBody = 10 * 1024 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let gateway = slot.gateway else {
            return HTTPResponses.json(#"{"message":"Service Unavailable"}"#, status: 503)
        }
        let started = ContinuousClock.now
        let gatewayResponse: GatewayResponse
        var body: [UInt8] = []
        var bodyFailure: BodyFailure?
        do {
            body = Array(buffer: try await request.body.collect(upTo: Self.maximumBody))
        } catch is NIOTooManyBytesError {
            bodyFailure = .tooLarge
        } catch {
            bodyFailure = .malformed
        }
        let headers = request.headersWithHost
        let uri = request.uri
        if bodyFailure == .malformed {
            return HTTPResponses.json(#"{"message":"Bad Request"}"#, status: 400)
        } else if bodyFailure == .tooLarge {
            gatewayResponse = gateway.error(.requestTooLarge, path: request.uri.path, requestID: UUID().uuidString.lowercased())
        } else {
            let sourceIP = context.remoteAddress?.ipAddress ?? "127.0.0.1"
            gatewayResponse = await gateway.handle(
                GatewayRequest(
                    method: request.method.rawValue,
                    path: uri.path,
                    query: uri.query,
                    headers: headers,
                    body: body,
                    sourceIP: sourceIP
                )
            )
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        logger.info(
            "\(request.method) \(uri.path) \(gatewayResponse.functionKey ?? "-") \(status(gatewayResponse.status)) \(String(format: "%.1f", milliseconds)) ms",
            metadata: ["emulate.request.id": "\(gatewayResponse.requestID)"]
        )
        console.requestAnswered(
            requestID: gatewayResponse.requestID,
            method: request.method.rawValue,
            path: uri.path,
            route: gatewayResponse.route,
            status: gatewayResponse.status,
            milliseconds: milliseconds,
            response: gatewayResponse.body
        )
        var fields = HTTPFields()
        for header in gatewayResponse.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(
            status: .init(code: gatewayResponse.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: gatewayResponse.body))
        )
    }
}

extension APIResponder {
    /// The status as a request line shows it: green, cyan, yellow or red by its class on a terminal.
    func status(_ code: Int) -> String {
        guard colorStatus else { return String(code) }
        let color =
            switch code {
            case 200..<300: "32"
            case 300..<400: "36"
            case 400..<500: "33"
            default: "31"
            }
        return "\u{1B}[\(color)m\(code)\u{1B}[0m"
    }
}

extension Request {
    /// The request as SigV4 reads it: the path and query as sent, Host first, then the headers as sent.
    func signed(body: [UInt8]) -> SigV4.Request {
        let target = head.path ?? "/"
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return SigV4.Request(
            method: method.rawValue,
            path: String(parts[0]),
            query: parts.count > 1 ? String(parts[1]) : "",
            headers: headersWithHost,
            body: body
        )
    }

    /// The headers as sent, names as written, with Host first (HTTP/1.1's Host arrives as the authority).
    var headersWithHost: [(name: String, value: String)] {
        var headers = self.headers.map { (name: $0.name.rawName, value: $0.value) }
        if let authority = head.authority, !headers.contains(where: { $0.name.lowercased() == "host" }) {
            headers.insert(("Host", authority), at: 0)
        }
        return headers
    }
}

/// Why a request's body could not be read.
enum BodyFailure: Sendable {
    /// Over the limit (413).
    case tooLarge
    /// Truncated, or broken chunked encoding (400).
    case malformed
}

/// The request context of the API listener: Hummingbird's, plus the client's address for `sourceIp`.
struct APIRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// The gateway the API listener serves: installed once the stack is provisioned for the bound ports;
/// until then (before the ready line) requests are answered 503.
final class GatewaySlot: Sendable {
    private let current = NIOLockedValueBox<APIGateway?>(nil)

    var gateway: APIGateway? { current.withLockedValue { $0 } }

    func install(_ gateway: APIGateway) {
        current.withLockedValue { $0 = gateway }
    }
}
