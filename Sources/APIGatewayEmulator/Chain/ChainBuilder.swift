import CognitoEmulator
import EmulatorCore
import EmulatorCrypto
import LambdaEmulator
import Logging

/// Builds each endpoint's chain from its configuration: the authorizer its binding names, and the
/// integration of its API.
struct ChainBuilder {
    let configuration: GatewayConfiguration
    let functions: [String: LambdaFunction]
    let verifier: any TokenVerifier
    let signatures: SignedRequestVerifier
    let invoker: LambdaInvoker
    let clock: any TimeSource
    let logger: Logger
    /// The REST API's gateway responses, shared by its endpoints.
    let responses: GatewayResponses

    init(
        configuration: GatewayConfiguration,
        functions: [String: LambdaFunction],
        verifier: any TokenVerifier,
        signatures: @escaping SignedRequestVerifier,
        invoker: LambdaInvoker,
        clock: any TimeSource,
        logger: Logger
    ) {
        self.configuration = configuration
        self.functions = functions
        self.verifier = verifier
        self.signatures = signatures
        self.invoker = invoker
        self.clock = clock
        self.logger = logger
        responses = GatewayResponses(configuration.gatewayResponses)
    }

    func chain(_ endpoint: GatewayEndpoint) -> EndpointChain {
        let function = functions[endpoint.functionKey]
        let integration: any ProxyIntegration =
            endpoint.api == .rest ? restIntegration(function, timeoutSeconds: endpoint.timeoutSeconds) : httpIntegration(function)
        return EndpointChain(endpoint: endpoint, authorizer: authorizer(endpoint), integration: integration)
    }

    func restIntegration(_ function: LambdaFunction?, timeoutSeconds: Double) -> RESTProxyIntegration {
        RESTProxyIntegration(
            function: function,
            invoker: invoker,
            stage: configuration.stage,
            apiID: configuration.apiID,
            region: configuration.region,
            accountID: configuration.accountID,
            binaryMediaTypes: configuration.binaryMediaTypes,
            timeoutSeconds: timeoutSeconds,
            responses: responses,
            clock: clock,
            logger: logger
        )
    }

    func httpIntegration(_ function: LambdaFunction?) -> HTTPProxyIntegration {
        HTTPProxyIntegration(
            function: function,
            invoker: invoker,
            apiID: configuration.httpAPIID,
            region: configuration.region,
            accountID: configuration.accountID,
            payloadVersion: configuration.httpPayloadVersion,
            clock: clock,
            logger: logger
        )
    }

    private func authorizer(_ endpoint: GatewayEndpoint) -> (any GatewayAuthorizer)? {
        switch endpoint.authorizer {
        case .none:
            return nil
        case .cognito(let poolID, let header, let scopes):
            return CognitoAuthorizer(poolID: poolID, scopes: scopes, headerName: header, verifier: verifier, clock: clock)
        case .lambda(let key, let type, let identitySource, let validation, let ttl):
            return LambdaAuthorizer(
                function: key.flatMap { functions[$0] },
                type: type,
                identitySource: identitySource,
                validationExpression: validation,
                ttlSeconds: ttl,
                invoker: invoker,
                clock: clock
            )
        case .jwt(let binding):
            if binding.poolID == nil, !binding.keys.isEmpty {
                var keys: [String: RSAKey] = [:]
                for key in binding.keys {
                    guard let n = Base64URL.decode(key.modulus), let e = Base64URL.decode(key.exponent),
                        let rsa = try? RSAKey(publicModulus: n, exponent: e)
                    else { continue }
                    keys[key.keyID] = rsa
                }
                // The JWKS verifier knows one issuer; the issuer stands where a pool ID would.
                return JWTAuthorizer(
                    poolID: binding.issuer,
                    audience: binding.audience,
                    scopes: binding.scopes,
                    identitySource: binding.identitySource,
                    verifier: JWKSVerifier(issuer: binding.issuer, keys: keys, clock: clock),
                    clock: clock
                )
            }
            return JWTAuthorizer(
                poolID: binding.poolID,
                audience: binding.audience,
                scopes: binding.scopes,
                identitySource: binding.identitySource,
                verifier: verifier,
                clock: clock
            )
        case .httpLambda(let key, let identitySource, let ttl, let simple):
            return HTTPLambdaAuthorizer(
                function: key.flatMap { functions[$0] },
                identitySource: identitySource,
                ttlSeconds: ttl,
                simpleResponses: simple,
                invoker: invoker,
                clock: clock
            )
        case .iam:
            return IAMAuthorizer(verifier: signatures)
        case .unsupported(let reason):
            return UnsupportedAuthorizer(reason: reason, logger: logger)
        }
    }
}

/// An authorizer the emulator cannot run (`authorizerId`): every call fails as a misconfigured authorizer does.
struct UnsupportedAuthorizer: GatewayAuthorizer {
    let reason: String
    let logger: Logger

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        logger.error("\(call.request.method) \(call.request.path): \(reason)")
        return .failure(.authorizerFailure)
    }
}
