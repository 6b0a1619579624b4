import LambdaEmulator
import Logging

/// The last link of an endpoint's chain: builds the call's request context, turns the call into the
/// function's event, invokes it and maps its answer (or failure) to HTTP, in the API's own shapes and
/// wording: REST (payload 1.0) or HTTP API (payload 2.0).
protocol ProxyIntegration: Sendable {
    /// The call for a routed request.
    func call(_ request: GatewayRequest, path: String, match: RouteTable.Match, requestID: String) -> GatewayCall
    /// The function's event for the call, with what the authorizer granted (nil for a call of the other API).
    func event(_ call: GatewayCall, grant: AuthorizerGrant) -> (any Encodable & Sendable)?
    /// Invokes the function with the call's event and answers its result.
    func invoke(_ call: GatewayCall, grant: AuthorizerGrant) async -> GatewayResponse
    /// One of the gateway's own errors, as this API answers it.
    func error(_ error: GatewayError, requestID: String, function: String?) -> GatewayResponse
}

extension ProxyIntegration {
    /// Invokes `function` with `event`, waiting at most `timeout`: a wait past it is the API's integration
    /// timeout, any other failure its internal error; a result is answered by `respond`.
    func run(
        _ function: LambdaFunction,
        event: any Sendable,
        call: GatewayCall,
        timeout: Double,
        invoker: LambdaInvoker,
        logger: Logger,
        respond: (any Sendable) -> GatewayResponse
    ) async -> GatewayResponse {
        switch await invoker.invoke(function, event: event, requestID: call.requestID, callerTimeout: timeout) {
        case .failure(let failure):
            if failure.kind == .callerTimeout { return error(.integrationTimeout, requestID: call.requestID, function: function.key) }
            if failure.kind == .throttled { return error(.integrationThrottled, requestID: call.requestID, function: function.key) }
            if failure.kind == .missingHandler { logger.error("\(failure.description) (function \(function.key))") }
            return error(.internalServerError, requestID: call.requestID, function: function.key)
        case .success(let output):
            return respond(output)
        }
    }
}

/// One endpoint as the gateway runs it, built once at start-up: the API-key check, the authorizer, the integration.
struct EndpointChain: Sendable {
    let endpoint: GatewayEndpoint
    let authorizer: (any GatewayAuthorizer)?
    let integration: any ProxyIntegration

    /// Runs a routed request through the chain.
    func respond(to request: GatewayRequest, path: String, match: RouteTable.Match, requestID: String) async -> GatewayResponse {
        let call = integration.call(request, path: path, match: match, requestID: requestID)
        if endpoint.requiresAPIKey, (request.header("x-api-key") ?? "").isEmpty {
            return integration.error(.forbidden, requestID: requestID, function: nil)
        }
        var grant = AuthorizerGrant.none
        if let authorizer {
            switch await authorizer.authorize(call) {
            case .success(let found): grant = found
            case .failure(let failure): return integration.error(failure, requestID: requestID, function: nil)
            }
        }
        return await integration.invoke(call, grant: grant)
    }
}
