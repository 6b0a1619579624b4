public import CognitoEmulator
public import EmulatorCore
import EmulatorCrypto
import Foundation
public import LambdaEmulator
public import Logging

/// The REST API of one service: routes requests to functions through their authorizers, builds
/// the proxy events, invokes the Swift handlers and maps their results (or failures) to HTTP as
/// API Gateway does. Knows nothing of the HTTP server that carries the requests.
public final class APIGateway: Sendable {
    enum EndpointAuthorizer: Sendable {
        case none
        case cognito(CognitoAuthorizer)
        case lambda(LambdaAuthorizer)
        case iam
        case unsupported(String)
    }

    /// The stage every URL starts with.
    public let stage: String
    let routes: RouteTable
    let functions: [String: LambdaFunction]
    let authorizers: [String: EndpointAuthorizer]
    let invoker: LambdaInvoker
    let apiID: String
    let region: String
    let accountID: String
    let binaryMediaTypes: [String]
    let clock: any TimeSource
    let logger: Logger

    /// Builds the gateway.
    /// - Parameters:
    ///   - configuration: The provisioned endpoints and where the API lives.
    ///   - functions: Every function by key, ready to invoke.
    ///   - cognito: Verifies the tokens of Cognito authorizers.
    ///   - invoker: Runs the functions.
    ///   - clock: The emulator's clock (event times, authorizer caches and latency).
    ///   - logger: Where gateway problems are logged.
    public init(
        configuration: GatewayConfiguration,
        functions: [String: LambdaFunction],
        cognito: CognitoService,
        invoker: LambdaInvoker,
        clock: any TimeSource,
        logger: Logger
    ) {
        stage = configuration.stage
        routes = RouteTable(endpoints: configuration.endpoints)
        self.functions = functions
        self.invoker = invoker
        self.clock = clock
        self.logger = logger
        region = configuration.region
        accountID = configuration.accountID
        binaryMediaTypes = configuration.binaryMediaTypes
        apiID = configuration.apiID
        var authorizers: [String: EndpointAuthorizer] = [:]
        for endpoint in configuration.endpoints {
            authorizers["\(endpoint.method) \(endpoint.resource)"] = Self.makeAuthorizer(
                endpoint.authorizer,
                functions: functions,
                cognito: cognito,
                invoker: invoker,
                clock: clock
            )
        }
        self.authorizers = authorizers
    }

    private static func makeAuthorizer(
        _ binding: AuthorizerBinding,
        functions: [String: LambdaFunction],
        cognito: CognitoService,
        invoker: LambdaInvoker,
        clock: any TimeSource
    ) -> EndpointAuthorizer {
        switch binding {
        case .none:
            return .none
        case .cognito(let poolID, let header, let scopes):
            return .cognito(CognitoAuthorizer(poolID: poolID, scopes: scopes, headerName: header, cognito: cognito, clock: clock))
        case .lambda(let key, let type, let identitySource, let validation, let ttl):
            return .lambda(
                LambdaAuthorizer(
                    function: key.flatMap { functions[$0] },
                    type: type,
                    identitySource: identitySource,
                    validationExpression: validation,
                    ttlSeconds: ttl,
                    invoker: invoker,
                    clock: clock
                )
            )
        case .iam:
            return .iam
        case .unsupported(let reason):
            return .unsupported(reason)
        }
    }

    /// Answers one request.
    public func handle(_ request: GatewayRequest) async -> GatewayResponse {
        let requestID = SecureRandom.uuidString()
        guard let path = stripStage(request.path) else { return error(.missingAuthenticationToken, requestID: requestID) }
        let match: RouteTable.Match
        switch routes.lookup(method: request.method, path: path) {
        case .notFound:
            return error(.missingAuthenticationToken, requestID: requestID)
        case .preflight(let cors, let methods):
            var response = GatewayResponse(
                status: 200,
                headers: CORSPreflight.headers(for: cors, methods: methods, requestOrigin: request.header("Origin")),
                body: [],
                functionKey: nil,
                requestID: requestID
            )
            response.headers += [("Content-Type", "application/json")] + standardHeaders(requestID)
            return response
        case .endpoint(let found):
            match = found
        }
        let endpoint = match.endpoint
        if endpoint.requiresAPIKey, (request.header("x-api-key") ?? "").isEmpty { return error(.forbidden, requestID: requestID) }
        let query = Self.parseQuery(request.query)
        let context = requestContext(request, path: path, resource: endpoint.resource, requestID: requestID)
        var authorizerResult: APIGatewayProxyRequest.Authorizer?
        switch authorizers["\(endpoint.method) \(endpoint.resource)"] ?? EndpointAuthorizer.none {
        case .none:
            break
        case .cognito(let authorizer):
            switch authorizer.authorize(request) {
            case .success(let result): authorizerResult = result
            case .failure(let failure): return error(failure, requestID: requestID)
            }
        case .lambda(let authorizer):
            let methodARN = ARN.executeAPI(api: apiID, stage: stage, method: request.method, path: path, region: region, account: accountID)
                .description
            let result = await authorizer.authorize(request, query: query, methodARN: methodARN) {
                let (headers, multiHeaders) = Self.headerMaps(request.headers)
                return APIGatewayRequestAuthorizerEvent(
                    type: "REQUEST",
                    methodArn: methodARN,
                    resource: endpoint.resource,
                    path: path,
                    httpMethod: request.method,
                    headers: headers,
                    multiValueHeaders: multiHeaders,
                    queryStringParameters: query.isEmpty ? nil : query.mapValues { $0.last! },
                    multiValueQueryStringParameters: query.isEmpty ? nil : query,
                    pathParameters: match.pathParameters.isEmpty ? nil : match.pathParameters,
                    stageVariables: nil,
                    requestContext: context
                )
            }
            switch result {
            case .success(let value): authorizerResult = value
            case .failure(let failure): return error(failure, requestID: requestID)
            }
        case .iam:
            guard request.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 ") == true else {
                return error(.missingAuthenticationToken, requestID: requestID)
            }
        case .unsupported(let reason):
            logger.error("\(request.method) \(request.path): \(reason)")
            return error(.authorizerFailure, requestID: requestID)
        }
        guard let function = functions[endpoint.functionKey] else { return error(.internalServerError, requestID: requestID) }
        var event = proxyEvent(request, path: path, match: match, query: query, context: context)
        event.requestContext.authorizer = authorizerResult
        let timeout = endpoint.timeoutSeconds
        switch await invoker.invoke(function, event: event, requestID: requestID, callerTimeout: timeout) {
        case .failure(let failure):
            if failure.kind == .callerTimeout { return error(.integrationTimeout, requestID: requestID, function: function.key) }
            if failure.kind == .missingHandler { logger.error("\(failure.description) (function \(function.key))") }
            return error(.internalServerError, requestID: requestID, function: function.key)
        case .success(let output):
            return respond(with: output, requestID: requestID, function: function.key)
        }
    }

    private func stripStage(_ rawPath: String) -> String? {
        let prefix = "/" + stage
        guard rawPath == prefix || rawPath.hasPrefix(prefix + "/") else { return nil }
        let rest = String(rawPath.dropFirst(prefix.count))
        return rest.isEmpty ? "/" : rest
    }

    /// The response API Gateway sends for one of its own errors.
    public func error(_ error: GatewayError, requestID: String, function: String? = nil) -> GatewayResponse {
        GatewayResponse(
            status: error.status,
            headers: error.headers + standardHeaders(requestID),
            body: error.body,
            functionKey: function,
            requestID: requestID
        )
    }

    func standardHeaders(_ requestID: String) -> [(name: String, value: String)] {
        [("x-amzn-RequestId", requestID), ("x-amz-apigw-id", Self.stableID(requestID, length: 16))]
    }

    /// A stable pseudo-random ID of lower-case alphanumerics derived from `seed` (API IDs, `x-amz-apigw-id`).
    package static func stableID(_ seed: String, length: Int) -> String {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(unsafeUninitializedCapacity: length) { buffer in
            for index in 0..<length {
                buffer[index] = idAlphabet[Int(hash % UInt64(idAlphabet.count))]
                hash = hash / UInt64(idAlphabet.count) ^ (hash &* 6_364_136_223_846_793_005)
            }
            return length
        }
    }

    private static let idAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
}
