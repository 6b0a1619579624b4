public import CognitoEmulator
public import EmulatorCore
import EmulatorCrypto
import Foundation
public import LambdaEmulator
public import Logging
public import ServerlessConfig

/// The service's REST API (under `/{stage}`) and HTTP API (at its own paths): routes each request to
/// its endpoint's chain — API key, authorizer, integration — built once at start-up, and answers
/// API Gateway's own errors in each API's wording. Knows nothing of the HTTP server that carries the requests.
public final class APIGateway: Sendable {
    /// Where each API's routes start.
    public let paths: APIPaths
    let rest: RouteTable
    let http: RouteTable
    let httpDefault: EndpointChain?
    /// Every endpoint's chain, in declaration order.
    let chains: [EndpointChain]
    let httpCORS: HTTPAPICORS?
    let restErrors: RESTProxyIntegration
    let httpErrors: HTTPProxyIntegration

    /// Builds the gateway.
    /// - Parameters:
    ///   - configuration: The provisioned endpoints and where the APIs live.
    ///   - functions: Every function by key, ready to invoke.
    ///   - verifier: Verifies the tokens of Cognito and JWT authorizers (the Cognito service).
    ///   - invoker: Runs the functions.
    ///   - clock: The emulator's clock (event times, authorizer caches and latency).
    ///   - logger: Where gateway problems are logged.
    public init(
        configuration: GatewayConfiguration,
        functions: [String: LambdaFunction],
        cognito verifier: CognitoService,
        invoker: LambdaInvoker,
        clock: any TimeSource,
        signatures: SignedRequestVerifier? = nil,
        logger: Logger
    ) {
        let build = ChainBuilder(
            configuration: configuration,
            functions: functions,
            verifier: verifier,
            signatures: signatures ?? IAMAuthorizer.unverified(accountID: configuration.accountID),
            invoker: invoker,
            clock: clock,
            logger: logger
        )
        paths = configuration.paths
        let chains = configuration.endpoints.map(build.chain)
        self.chains = chains
        rest = RouteTable(chains: chains.filter { $0.endpoint.api == .rest })
        http = RouteTable(chains: chains.filter { $0.endpoint.api == .http && $0.endpoint.resource != "*" })
        httpDefault = chains.first { $0.endpoint.api == .http && $0.endpoint.resource == "*" }
        httpCORS = configuration.httpCORS.map(HTTPAPICORS.init)
        restErrors = build.restIntegration(nil, timeoutSeconds: 29)
        httpErrors = build.httpIntegration(nil)
    }

    /// Answers one request.
    public func handle(_ request: GatewayRequest) async -> GatewayResponse {
        let requestID = SecureRandom.uuidString()
        let restPath = restPath(of: request.path)
        if let path = restPath {
            switch rest.lookup(method: request.method, path: path) {
            case .endpoint(let match):
                if let chain = match.chain {
                    var response = await chain.respond(to: request, path: path, match: match, requestID: requestID)
                    response.route = match.endpoint.routeKey
                    return response
                }
            case .preflight(let cors, let methods):
                var response = GatewayResponse(
                    status: 200,
                    headers: CORSPreflight.headers(for: cors, methods: methods, requestOrigin: request.header("Origin")),
                    body: [],
                    functionKey: nil,
                    requestID: requestID
                )
                response.headers += [("Content-Type", "application/json")] + restErrors.standardHeaders(requestID)
                return response
            case .notFound:
                break
            }
        }
        guard hasHTTPAPI else { return restErrors.error(.missingAuthenticationToken, requestID: requestID, function: nil) }
        if let httpCORS, httpCORS.isPreflight(request) { return httpCORS.preflight(request, requestID: requestID) }
        var response: GatewayResponse
        if let path = paths.path(under: .http, of: request.path), case .endpoint(let match) = http.lookup(method: request.method, path: path),
            let chain = match.chain
        {
            response = await chain.respond(to: request, path: path, match: match, requestID: requestID)
            response.route = match.endpoint.routeKey
        } else if let httpDefault {
            let match = RouteTable.Match(endpoint: httpDefault.endpoint, pathParameters: [:], chain: httpDefault)
            response = await httpDefault.respond(to: request, path: request.path, match: match, requestID: requestID)
            response.route = "$default"
        } else if restPath != nil {
            response = restErrors.error(.missingAuthenticationToken, requestID: requestID, function: nil)
        } else {
            response = httpErrors.error(.notFound, requestID: requestID, function: nil)
        }
        return httpCORS.map { $0.decorate(response, for: request) } ?? response
    }

    /// One of API Gateway's own errors for a request to `path`, in the wording of the API it is under
    /// (REST under `/{stage}`, else the HTTP API's when the service has one).
    public func error(_ error: GatewayError, path: String, requestID: String) -> GatewayResponse {
        if restPath(of: path) == nil, hasHTTPAPI { return httpErrors.error(error, requestID: requestID, function: nil) }
        return restErrors.error(error, requestID: requestID, function: nil)
    }

    /// Whether the service has an HTTP API (routes or a `$default` route).
    private var hasHTTPAPI: Bool { !http.isEmpty || httpDefault != nil }

    /// The path under the REST API's base path (its stage), when the service has a REST API and the path is under it.
    private func restPath(of rawPath: String) -> String? {
        guard !rest.isEmpty else { return nil }
        return paths.path(under: .rest, of: rawPath)
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
