import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import LambdaService
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// The Lambda listener (`--lambda-port`): hands each request to the Invoke API once the functions are
/// built for the bound ports (503 before), and logs one line per request.
struct LambdaResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let slot: LambdaAPISlot
    /// Who signed a call: a key the emulator issued must carry a valid signature and an IAM policy that
    /// allows the operation (a function calling another needs `lambda:InvokeFunction`).
    let identity: AWSIdentity
    let logger: Logger
    /// A little over Lambda's 6 MB, so an oversized payload is answered with Lambda's own error.
    static let maximumBody = 7 * 1024 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let api = slot.api else { return HTTPResponses.json(#"{"message":"Service Unavailable"}"#, status: 503) }
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.body.collect(upTo: Self.maximumBody))
        } catch is NIOTooManyBytesError {
            return HTTPResponses.json(
                #"{"Type":"User","message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}"#,
                status: 413
            )
        } catch {
            return HTTPResponses.json(#"{"Type":"User","message":"Bad Request"}"#, status: 400)
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        let caller: IAMCaller?
        switch identity.policyCaller(of: request.signed(body: body), service: "lambda") {
        case .success(let found): caller = found
        case .failure(let refusal):
            // Lambda (REST-JSON) answers a refused signature 403, the error's type in a header.
            let (type, message) = AWSIdentity.jsonError(refusal)
            return HTTPResponses.message(message, status: 403, headers: [HTTPResponses.errorTypeHeader: type])
        }
        let answer = await api.respond(
            method: request.method.rawValue,
            path: request.uri.path,
            query: query,
            headers: headers,
            body: body,
            caller: caller
        )
        logger.info("Lambda \(request.method) \(request.uri.path) \(answer.status)")
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// The Invoke API the Lambda listener serves, installed with the gateway.
final class LambdaAPISlot: Sendable {
    private let current = NIOLockedValueBox<LambdaInvokeAPI?>(nil)

    var api: LambdaInvokeAPI? { current.withLockedValue { $0 } }

    func install(_ api: LambdaInvokeAPI) {
        current.withLockedValue { $0 = api }
    }
}
