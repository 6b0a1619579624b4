import CognitoEmulator
import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import IdentityEmulator
import Logging
import NIOCore
import SigV4

/// The Cognito listener: the AWS JSON endpoint at `POST /`, each pool's JWKS and OpenID configuration,
/// and the `/_emulate` admin routes (outbox, clock, health, the console).
struct CognitoResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: CognitoService
    let dispatcher: CognitoJSONDispatcher
    /// Who signs requests, the identity pools and STS.
    let identity: AWSIdentity
    /// A dispatcher over the identity pools.
    let identityPools: IdentityPoolDispatcher
    /// The authorization code flow and its sign-in page.
    let hostedLogin: HostedLogin
    let clock: any TimeSource
    /// The local console, under `/_emulate/console/`.
    let console: ConsoleResponder
    let logger: Logger
    static let maximumBody = 1 << 20
    /// How far `POST /_emulate/clock` may move the clock: 100 years.
    static let maximumClockOffset = 100 * 365.25 * 86_400
    private static let targetHeader = HTTPField.Name("X-Amz-Target")!
    private static let requestIDHeader = HTTPField.Name("x-amzn-RequestId")!

    init(
        service: CognitoService,
        identity: AWSIdentity,
        clock: any TimeSource,
        console: ConsoleActivity,
        functions: ConsoleFunctionsSlot? = nil,
        logger: Logger
    ) {
        self.service = service
        self.dispatcher = CognitoJSONDispatcher(service: service)
        self.identity = identity
        self.identityPools = IdentityPoolDispatcher(service: identity.identityPools)
        self.hostedLogin = HostedLogin(service: service)
        self.clock = clock
        self.console = ConsoleResponder(activity: console, service: service, functions: functions)
        self.logger = logger
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
            let bytes = Array(buffer: body)
            let target = request.headers[Self.targetHeader]
            // STS speaks the query protocol: a form body, no target.
            if target == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                return sts(request, body: bytes)
            }
            return await json(request, target: target, body: bytes)
        case (.get, "/") where request.uri.query?.contains("Action=") == true:
            return sts(request, body: [])
        case (.get, "/_emulate/health"):
            return HTTPResponses.json(#"{"status":"ok"}"#)
        case (.get, "/_emulate/messages"):
            let query = request.uri.queryParameters
            // The user may be named by username, by an alias (an e-mail in a pool that signs in with it), or by sub.
            var username = query.get("username")
            if let pool = query.get("userPoolId"), let name = username { username = await service.username(of: name, poolID: pool) ?? name }
            let messages = service.outbox.list(userPoolId: query.get("userPoolId"), username: username)
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
            // A century either way: dates past that are nobody's test, and some date arithmetic would overflow.
            guard abs(service.clock.offsetSeconds + seconds) <= Self.maximumClockOffset else {
                return HTTPResponses.message("the clock may be moved at most 100 years from now", status: 400)
            }
            service.clock.advance(seconds: seconds)
            return HTTPResponses.json("{\"offsetSeconds\":\(service.clock.offsetSeconds),\"now\":\(service.clock.now)}")
        default:
            break
        }
        if path.hasPrefix("/_emulate/console"), let answer = await console.respond(request, path: path) { return answer }
        if request.method == .get || request.method == .post, let answer = try await hostedPage(request, path: path) { return answer }
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

    /// An AWS JSON 1.1 request: user pools or identity pools, by target, signed for `cognito-idp` or `cognito-identity`.
    private func json(_ request: Request, target: String?, body: [UInt8]) async -> Response {
        let identityPool = target?.hasPrefix(IdentityPoolDispatcher.targetPrefix) == true
        let operation = target.map { String($0.split(separator: ".").last ?? "") } ?? "-"
        var answer: (status: Int, body: [UInt8], errorType: String?)
        var caller: IAMCaller?
        switch identity.policyCaller(of: request.signed(body: body), service: identityPool ? "cognito-identity" : "cognito-idp") {
        case .success(let found):
            caller = found
            if identityPool {
                answer = identityPools.handle(target: target ?? "", body: body, caller: caller)
            } else {
                let result = await dispatcher.handle(target: target, body: body, caller: caller.map { CognitoCaller($0, region: service.region) })
                answer = (result.status, result.body, result.errorType)
            }
        case .failure(let refusal):
            let (type, message) = AWSIdentity.jsonError(refusal)
            answer = (400, Array(JSONValue.object([.init("__type", .string(type)), .init("message", .string(message))]).serialized.utf8), type)
        }
        logger.debug(
            "\(identityPool ? "cognito-identity" : "cognito") \(operation) \(answer.status)",
            metadata: ["cognito.operation": "\(operation)", "aws.caller": "\(caller?.arn ?? "unchecked")"]
        )
        // Every answer carries a request ID (SDKs report it as the response's RequestId), and an error
        // its type again in a header, as AWS's JSON services send them.
        var headers: HTTPFields = [Self.requestIDHeader: UUID().uuidString.lowercased()]
        if let type = answer.errorType { headers[HTTPResponses.errorTypeHeader] = type + ":" }
        return HTTPResponses.bytes(answer.body, status: answer.status, contentType: CognitoJSONDispatcher.contentType, headers: headers)
    }

    /// An STS request in the query protocol: the form body's parameters and the URL's, signed for `sts`.
    private func sts(_ request: Request, body: [UInt8]) -> Response {
        let parameters = Self.form(request.uri.query ?? "", body)
        let answer: (status: Int, body: [UInt8])
        switch identity.caller(of: request.signed(body: body), service: "sts") {
        case .success(let caller):
            let unsigned = caller == nil && identity.authority.strict && parameters["Action"] != "AssumeRoleWithWebIdentity"
            answer = unsigned ? (403, STSError.missingAuthentication.body) : identity.sts.handle(parameters, caller: caller)
        case .failure(let refusal):
            let error = STSError.refused(refusal)
            answer = (error.status, error.body)
        }
        logger.debug("sts \(parameters["Action"] ?? "-") \(answer.status)")
        return HTTPResponses.bytes(
            answer.body,
            status: answer.status,
            contentType: "text/xml",
            headers: [Self.requestIDHeader: UUID().uuidString.lowercased()]
        )
    }

    /// `application/x-www-form-urlencoded` parameters of the query and the body (the body's win).
    static func form(_ query: String, _ body: [UInt8]) -> [String: String] {
        FormURLEncoding.fields(query, String(decoding: body, as: UTF8.self))
    }

    /// A managed login page or OAuth 2.0 endpoint (``HostedLogin``): the query's parameters, and a POST's form body.
    private func hostedPage(_ request: Request, path: String) async throws -> Response? {
        var body: [UInt8] = []
        if request.method == .post, HostedLogin.servesPost(path) {
            do {
                body = Array(buffer: try await request.body.collect(upTo: Self.maximumBody))
            } catch {
                return HTTPResponses.json(#"{"error":"invalid_request"}"#, status: 400)
            }
        }
        // The token and revocation endpoints read the body alone: no client secret in a URL.
        let endpoint = path == "/oauth2/token" || path == "/oauth2/revoke"
        let parameters = Self.form(endpoint && request.method == .post ? "" : request.uri.query ?? "", body)
        let answer = await hostedLogin.respond(request.method == .post ? .post : .get, path: path, hostedRequest(request, parameters: parameters))
        return answer.map(Self.response)
    }

    /// The request as the hosted pages read it: parameters, cookies, `Authorization`.
    private func hostedRequest(_ request: Request, parameters: [String: String]) -> HostedLogin.Request {
        HostedLogin.Request(
            parameters: parameters,
            cookies: HostedLogin.Request.cookies(fromHeaders: request.headers[values: .cookie]),
            authorization: request.headers[.authorization]
        )
    }

    /// A hosted page's answer as a Hummingbird response.
    static func response(_ answer: HostedLogin.Response) -> Response {
        var headers = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
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
