import CognitoEmulator
import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The Cognito listener: the AWS JSON endpoint at `POST /`, each pool's JWKS and OpenID configuration,
/// and the `/_emulate` admin routes (outbox, clock, health).
struct CognitoResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: CognitoService
    let dispatcher: CognitoJSONDispatcher
    /// The principals behind the access keys the emulator issued (each function's), by access key ID.
    let callers: [String: String]
    let logger: Logger
    static let maximumBody = 1 << 20
    private static let authorizationHeader = HTTPField.Name("Authorization")!
    private static let targetHeader = HTTPField.Name("X-Amz-Target")!
    private static let requestIDHeader = HTTPField.Name("x-amzn-RequestId")!
    private static let errorTypeHeader = HTTPField.Name("x-amzn-ErrorType")!

    init(service: CognitoService, callers: [String: String] = [:], logger: Logger) {
        self.service = service
        self.dispatcher = CognitoJSONDispatcher(service: service)
        self.callers = callers
        self.logger = logger
    }

    /// Who signed the request: the principal of an access key the emulator issued, else the key ID as given
    /// (`Credential=AKID/date/region/service/aws4_request`); the SigV4/IAM work verifies and enforces it.
    func caller(of request: Request) -> String {
        guard let authorization = request.headers[Self.authorizationHeader],
            let credential = authorization.split(separator: " ").first(where: { $0.hasPrefix("Credential=") })
        else { return "anonymous" }
        let accessKey = String(credential.dropFirst("Credential=".count).prefix { $0 != "/" })
        return callers[accessKey] ?? "key \(accessKey)"
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        switch (request.method, path) {
        case (.post, "/"):
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: Self.maximumBody)
            } catch is NIOTooManyBytesError {
                return HTTPResponses.json(#"{"__type":"SerializationException","message":"Request body larger than 1 MB"}"#, status: 413)
            } catch {
                return HTTPResponses.json(#"{"__type":"SerializationException","message":"The request body could not be read"}"#, status: 400)
            }
            let target = request.headers[Self.targetHeader]
            let answer = await dispatcher.handle(target: target, body: Array(buffer: body))
            let operation = target.map { String($0.split(separator: ".").last ?? "") } ?? "-"
            logger.debug(
                "cognito \(operation) \(answer.status)",
                metadata: ["cognito.operation": "\(operation)", "aws.caller": "\(caller(of: request))"]
            )
            // Every answer carries a request ID (SDKs report it as the response's RequestId), and an error
            // its type again in a header, as AWS's JSON services send them.
            var headers: HTTPFields = [Self.requestIDHeader: UUID().uuidString.lowercased()]
            if let type = answer.errorType { headers[Self.errorTypeHeader] = type + ":" }
            return HTTPResponses.bytes(answer.body, status: answer.status, contentType: CognitoJSONDispatcher.contentType, headers: headers)
        case (.get, "/_emulate/health"):
            return HTTPResponses.json(#"{"status":"ok"}"#)
        case (.get, "/_emulate/messages"):
            let query = request.uri.queryParameters
            let messages = service.outbox.list(
                userPoolId: query.get("userPoolId"),
                username: query.get("username")
            )
            let data = try JSONEncoder().encode(["messages": messages])
            return HTTPResponses.bytes(Array(data), status: 200, contentType: "application/json")
        case (.post, "/_emulate/reset"):
            do {
                try await service.reset()
            } catch {
                return HTTPResponses.bytes(error.body, status: error.status, contentType: CognitoJSONDispatcher.contentType)
            }
            return HTTPResponses.json(#"{"reset":true}"#)
        case (.post, "/_emulate/clock"):
            let body = try await request.body.collect(upTo: 4096)
            guard case .object(let members)? = JSONValue.parse(Array(buffer: body)),
                let seconds = members.first(where: { $0.key == "advanceSeconds" })?.value.numberValue, seconds.isFinite
            else {
                return HTTPResponses.message("expected {\"advanceSeconds\": <number>}", status: 400)
            }
            service.clock.advance(seconds: seconds)
            return HTTPResponses.json("{\"offsetSeconds\":\(service.clock.offsetSeconds),\"now\":\(service.clock.now)}")
        default:
            break
        }
        if request.method == .put, path.hasPrefix("/_emulate/import/") {
            return await uploadImportFile(request, jobID: String(path.dropFirst("/_emulate/import/".count)))
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if request.method == .get, parts.count == 3, parts[1] == ".well-known" {
            let poolID = String(parts[0])
            let document: JSONValue?
            switch parts[2] {
            case "jwks.json": document = try await service.jwks(poolID: poolID)
            case "openid-configuration": document = service.openIDConfiguration(poolID: poolID)
            default: document = nil
            }
            if let document { return HTTPResponses.json(document.serialized) }
            return HTTPResponses.message("User pool \(poolID) does not exist.", status: 404)
        }
        return HTTPResponses.message("Not found: \(request.method) \(path). The Cognito endpoint is POST / with X-Amz-Target.", status: 404)
    }

    /// A user import file sent to a job's pre-signed URL, answered as S3 answers an upload.
    private func uploadImportFile(_ request: Request, jobID: String) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: CognitoService.maximumImportFile)
        } catch {
            return HTTPResponses.message("The file is larger than \(CognitoService.maximumImportFile >> 20) MB.", status: 413)
        }
        do {
            try await service.uploadImportFile(
                jobID: jobID,
                signature: request.uri.queryParameters.get("X-Amz-Signature") ?? "",
                contents: Array(buffer: body)
            )
        } catch {
            return HTTPResponses.message(error.message, status: error.type == "NotAuthorizedException" ? 403 : 400)
        }
        return HTTPResponses.bytes([], status: 200, contentType: "application/octet-stream")
    }
}
