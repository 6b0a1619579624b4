import EmulatorCore
import Foundation
import LambdaEmulator
import ServerlessConfig

/// A Lambda TOKEN or REQUEST authorizer: invokes the authorizer function and enforces the IAM
/// policy it answers over the request's method ARN, caching the answer for `resultTtlInSeconds`.
struct LambdaAuthorizer: GatewayAuthorizer {
    let function: LambdaFunction?
    let type: HTTPAuthorizer.LambdaType
    let sources: [IdentitySource]
    let validation: String?
    let ttl: Double
    let invoker: LambdaInvoker
    let clock: any TimeSource
    let cache = AuthorizerCache<APIGatewayAuthorizerResponse>()

    init(
        function: LambdaFunction?,
        type: HTTPAuthorizer.LambdaType,
        identitySource: String,
        validationExpression: String?,
        ttlSeconds: Int,
        invoker: LambdaInvoker,
        clock: any TimeSource
    ) {
        self.function = function
        self.type = type
        self.sources = identitySource.split(separator: ",").map { IdentitySource(String($0)) }
        self.validation = validationExpression
        self.ttl = Double(ttlSeconds)
        self.invoker = invoker
        self.clock = clock
    }

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        let request = call.request
        let query = call.query
        let methodARN = call.methodARN
        var values: [String] = []
        for source in sources {
            switch source {
            case .header(let name): if let value = request.header(name), !value.isEmpty { values.append(value) }
            case .query(let name): if let value = query[name]?.last, !value.isEmpty { values.append(value) }
            case .unsupported: continue
            }
        }
        guard !values.isEmpty, values.count == sources.count, let function else { return .failure(.unauthorized) }
        if type == .token, let validation {
            guard let regex = try? Regex(validation), (try? regex.wholeMatch(in: values[0])) != nil else { return .failure(.unauthorized) }
        }
        let key = values.joined(separator: "\u{1F}")
        let started = clock.now
        let answer: APIGatewayAuthorizerResponse
        if ttl > 0, let cached = cache.value(for: key, now: clock.now) {
            answer = cached
        } else {
            let input: any Sendable =
                type == .token
                ? APIGatewayTokenAuthorizerEvent(type: "TOKEN", authorizationToken: values[0], methodArn: methodARN)
                : Self.requestEvent(call)
            switch await invoker.invoke(function, event: input) {
            case .failure(let failure):
                if failure.kind == .handlerError, failure.errorMessage == "Unauthorized" { return .failure(.unauthorized) }
                return .failure(.authorizerFailure)
            case .success(let output):
                guard let decoded = Self.decode(output) else { return .failure(.authorizerFailure) }
                answer = decoded
            }
            if ttl > 0 { cache.store(answer, for: key, until: clock.now + ttl) }
        }
        let policy = answer.policyDocument.policy
        switch policy.evaluate(action: "execute-api:Invoke", resource: methodARN) {
        case .explicitlyDenied: return .failure(.accessDeniedExplicit)
        case .implicitlyDenied: return .failure(.accessDenied)
        case .allowed:
            let context = (answer.context ?? [:]).mapValues(\.text)
            let latency = Int((clock.now - started) * 1000)
            return .success(.rest(.init(principalId: answer.principalId ?? "", integrationLatency: latency, context: context)))
        }
    }

    /// The REQUEST authorizer's event: the request's parts and its method ARN.
    static func requestEvent(_ call: GatewayCall) -> APIGatewayRequestAuthorizerEvent {
        guard case .rest(let context) = call.context else { preconditionFailure("a REST authorizer on an HTTP API call") }
        let (headers, multiHeaders) = RESTProxyIntegration.headerMaps(call.request.headers)
        return APIGatewayRequestAuthorizerEvent(
            type: "REQUEST",
            methodArn: call.methodARN,
            resource: call.endpoint.resource,
            path: call.path,
            httpMethod: call.request.method,
            headers: headers,
            multiValueHeaders: multiHeaders,
            queryStringParameters: call.query.isEmpty ? nil : call.query.mapValues { $0.last! },
            multiValueQueryStringParameters: call.query.isEmpty ? nil : call.query,
            pathParameters: call.pathParameters.isEmpty ? nil : call.pathParameters,
            stageVariables: nil,
            requestContext: context
        )
    }

    static func decode(_ output: any Sendable) -> APIGatewayAuthorizerResponse? {
        if let response = output as? APIGatewayAuthorizerResponse { return response }
        guard let encodable = output as? any Encodable, let data = try? JSONEncoder().encode(encodable) else { return nil }
        return try? JSONDecoder().decode(APIGatewayAuthorizerResponse.self, from: data)
    }
}
