import EmulatorCore
import Foundation
import LambdaEmulator

/// An HTTP API's Lambda (`request`) authorizer, payload format 2.0: the identity sources must all be
/// present (else 401 without calling the function); the function answers a simple response
/// (`enableSimpleResponses`) or an IAM policy over the route ARN; answers are cached for
/// `resultTtlInSeconds` by the identity values; the context reaches `requestContext.authorizer.lambda`.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
struct HTTPLambdaAuthorizer: GatewayAuthorizer {
    let function: LambdaFunction?
    let sources: [IdentitySource]
    let ttl: Double
    let simpleResponses: Bool
    let invoker: LambdaInvoker
    let clock: any TimeSource
    let cache = AuthorizerCache<Decision>()

    /// A cached answer.
    struct Decision: Sendable {
        var allowed: Bool
        var context: [String: JSONValue]
    }

    init(function: LambdaFunction?, identitySource: [String], ttlSeconds: Int, simpleResponses: Bool, invoker: LambdaInvoker, clock: any TimeSource) {
        self.function = function
        self.sources = identitySource.map(IdentitySource.init)
        self.ttl = Double(ttlSeconds)
        self.simpleResponses = simpleResponses
        self.invoker = invoker
        self.clock = clock
    }

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        let values = sources.compactMap { $0.joinedValue(in: call) }.filter { !$0.isEmpty }
        guard values.count == sources.count else { return .failure(.unauthorized.httpAPI) }
        guard let function, case .http(let context) = call.context else { return .failure(.authorizerFailure.httpAPI) }
        let key = values.joined(separator: "\u{1F}")
        let decision: Decision
        if ttl > 0, !values.isEmpty, let cached = cache.value(for: key, now: clock.now) {
            decision = cached
        } else {
            let event = APIGatewayV2AuthorizerEvent(
                routeArn: call.methodARN,
                identitySource: values,
                routeKey: context.routeKey,
                rawPath: context.http.path,
                rawQueryString: call.request.query ?? "",
                cookies: HTTPProxyIntegration.cookies(of: call.request),
                headers: HTTPProxyIntegration.headers(of: call.request),
                queryStringParameters: HTTPProxyIntegration.joined(call.query),
                requestContext: context,
                pathParameters: call.pathParameters.isEmpty ? nil : call.pathParameters
            )
            switch await invoker.invoke(function, event: event) {
            case .failure:
                return .failure(.authorizerFailure.httpAPI)
            case .success(let output):
                guard let decoded = decode(output, routeARN: call.methodARN) else { return .failure(.authorizerFailure.httpAPI) }
                decision = decoded
            }
            if ttl > 0, !values.isEmpty { cache.store(decision, for: key, until: clock.now + ttl) }
        }
        guard decision.allowed else { return .failure(.forbidden.httpAPI) }
        return .success(.http(.init(lambda: decision.context)))
    }

    /// Reads a simple response, or an IAM policy response evaluated over the route ARN.
    private func decode(_ output: any Sendable, routeARN: String) -> Decision? {
        guard let encodable = output as? any Encodable, let data = try? JSONEncoder().encode(encodable) else { return nil }
        if simpleResponses {
            guard let simple = try? JSONDecoder().decode(APIGatewayV2AuthorizerSimpleResponse.self, from: data) else { return nil }
            return Decision(allowed: simple.isAuthorized, context: simple.context ?? [:])
        }
        guard let answer = try? JSONDecoder().decode(PolicyAnswer.self, from: data) else { return nil }
        let allowed = answer.policyDocument.policy.evaluate(action: "execute-api:Invoke", resource: routeARN) == .allowed
        return Decision(allowed: allowed, context: answer.context ?? [:])
    }

    /// An IAM policy answer, its context kept as JSON (2.0 passes context values on as they are).
    private struct PolicyAnswer: Decodable {
        var policyDocument: APIGatewayAuthorizerResponse.PolicyDocument
        var context: [String: JSONValue]?
    }
}
