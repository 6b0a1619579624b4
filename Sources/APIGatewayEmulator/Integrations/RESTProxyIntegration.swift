import EmulatorCore
import LambdaEmulator
import Logging

/// A REST API's Lambda proxy integration: payload 1.0 events, proxy results checked as API Gateway
/// checks them, the function's failures and timeouts answered 502 and 504.
struct RESTProxyIntegration: ProxyIntegration {
    let function: LambdaFunction?
    let invoker: LambdaInvoker
    let stage: String
    let apiID: String
    let region: String
    let accountID: String
    let binaryMediaTypes: [String]
    let timeoutSeconds: Double
    let responses: GatewayResponses
    let clock: any TimeSource
    let logger: Logger

    func call(_ request: GatewayRequest, path: String, match: RouteTable.Match, requestID: String) -> GatewayCall {
        GatewayCall(
            request: request,
            requestID: requestID,
            path: path,
            query: Self.parseQuery(request.query),
            pathParameters: match.pathParameters,
            endpoint: match.endpoint,
            context: .rest(requestContext(request, path: path, resource: match.endpoint.resource, requestID: requestID)),
            api: APIAddress(id: apiID, stage: stage, region: region, accountID: accountID)
        )
    }

    func event(_ call: GatewayCall, grant: AuthorizerGrant) -> (any Encodable & Sendable)? {
        guard case .rest(let context) = call.context else { return nil }
        var event = proxyEvent(call, context: context)
        switch grant {
        case .rest(let authorizer): event.requestContext.authorizer = authorizer
        case .iam(let caller): event.requestContext.identity.fill(from: caller)
        default: break
        }
        return event
    }

    func invoke(_ call: GatewayCall, grant: AuthorizerGrant) async -> GatewayResponse {
        guard let function, let event = event(call, grant: grant) else {
            return error(.internalServerError, requestID: call.requestID, function: call.endpoint.functionKey)
        }
        return await run(function, event: event, call: call, timeout: timeoutSeconds, invoker: invoker, logger: logger) { output in
            respond(with: output, requestID: call.requestID, function: function.key)
        }
    }

    func error(_ error: GatewayError, requestID: String, function: String?) -> GatewayResponse {
        let rendered = responses.render(error, requestID: requestID)
        return GatewayResponse(
            status: rendered.status,
            headers: rendered.headers + standardHeaders(requestID),
            body: rendered.body,
            functionKey: function,
            requestID: requestID
        )
    }

    func standardHeaders(_ requestID: String) -> [(name: String, value: String)] {
        [("x-amzn-RequestId", requestID), ("x-amz-apigw-id", APIGateway.stableID(requestID, length: 16))]
    }
}
