import EmulatorCore
import Foundation
import LambdaEmulator
import Logging

/// An HTTP API's Lambda proxy integration: payload 2.0 events (or 1.0 with `provider.httpApi.payload: '1.0'`),
/// answers read with AWS's format inference, failures answered 500 and a wait past 30 seconds 503.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
struct HTTPProxyIntegration: ProxyIntegration {
    /// HTTP APIs wait at most 30 seconds for an integration.
    static let maximumTimeout = 30.0

    let function: LambdaFunction?
    let invoker: LambdaInvoker
    let apiID: String
    let region: String
    let accountID: String
    let payloadVersion: String
    let clock: any TimeSource
    let logger: Logger

    func call(_ request: GatewayRequest, path: String, match: RouteTable.Match, requestID: String) -> GatewayCall {
        let endpoint = match.endpoint
        let now = clock.now
        let host = request.header("Host") ?? "localhost"
        let context = APIGatewayV2Request.RequestContext(
            accountId: accountID,
            apiId: apiID,
            domainName: host,
            domainPrefix: String(host.split(separator: ".").first ?? Substring(host)),
            http: .init(method: request.method, path: path, sourceIp: request.sourceIP, userAgent: request.header("User-Agent") ?? ""),
            requestId: requestID,
            routeKey: endpoint.routeKey,
            time: UTCTime.requestTime(secondsSince1970: now),
            timeEpoch: Int(now * 1000)
        )
        return GatewayCall(
            request: request,
            requestID: requestID,
            path: path,
            query: RESTProxyIntegration.parseQuery(request.query),
            pathParameters: match.pathParameters,
            endpoint: endpoint,
            context: .http(context),
            api: APIAddress(id: apiID, stage: "$default", region: region, accountID: accountID)
        )
    }

    func event(_ call: GatewayCall, grant: AuthorizerGrant) -> (any Encodable & Sendable)? {
        guard case .http(var context) = call.context else { return nil }
        switch grant {
        case .http(let authorizer): context.authorizer = authorizer
        case .iam(let caller): context.authorizer = .init(iam: .init(caller))
        default: break
        }
        return payloadVersion == "1.0" ? versionOneEvent(call, context: context) : event(call, context: context)
    }

    func invoke(_ call: GatewayCall, grant: AuthorizerGrant) async -> GatewayResponse {
        guard let function, let event = event(call, grant: grant) else {
            return error(.internalServerError, requestID: call.requestID, function: call.endpoint.functionKey)
        }
        let timeout = min(call.endpoint.timeoutSeconds, Self.maximumTimeout)
        return await run(function, event: event, call: call, timeout: timeout, invoker: invoker, logger: logger) { output in
            switch HTTPResultReader.read(output, payloadVersion: payloadVersion) {
            case .success(let result):
                return GatewayResponse(
                    status: result.status,
                    headers: result.headers + standardHeaders(call.requestID),
                    body: result.body,
                    functionKey: function.key,
                    requestID: call.requestID
                )
            case .failure(let reason):
                logger.error("\(call.requestID) Malformed Lambda response: \(reason)")
                return error(.internalServerError, requestID: call.requestID, function: function.key)
            }
        }
    }

    func error(_ error: GatewayError, requestID: String, function: String?) -> GatewayResponse {
        let error = error.httpAPI
        return GatewayResponse(
            status: error.status,
            headers: error.headers + standardHeaders(requestID),
            body: error.body,
            functionKey: function,
            requestID: requestID
        )
    }

    func standardHeaders(_ requestID: String) -> [(name: String, value: String)] {
        [("apigw-requestid", APIGateway.stableID(requestID, length: 15) + "=")]
    }

    /// The payload 2.0 event.
    func event(_ call: GatewayCall, context: APIGatewayV2Request.RequestContext) -> APIGatewayV2Request {
        var headers = Self.headers(of: call.request)
        if headers["x-forwarded-for"] == nil { headers["x-forwarded-for"] = call.request.sourceIP }
        if headers["x-forwarded-proto"] == nil { headers["x-forwarded-proto"] = "http" }
        if headers["x-amzn-trace-id"] == nil {
            headers["x-amzn-trace-id"] = "Root=1-\(String(context.timeEpoch / 1000, radix: 16))-\(APIGateway.stableID(context.requestId, length: 24))"
        }
        let (body, isBase64) = Self.body(of: call.request)
        return APIGatewayV2Request(
            routeKey: context.routeKey,
            rawPath: call.path,
            rawQueryString: call.request.query ?? "",
            cookies: Self.cookies(of: call.request),
            headers: headers,
            queryStringParameters: Self.joined(call.query),
            pathParameters: call.pathParameters.isEmpty ? nil : call.pathParameters,
            requestContext: context,
            body: body,
            isBase64Encoded: isBase64
        )
    }

    /// The payload 1.0 event of an HTTP API (REST's shape, on the `$default` stage).
    private func versionOneEvent(_ call: GatewayCall, context: APIGatewayV2Request.RequestContext) -> APIGatewayProxyRequest {
        let rest = RESTProxyIntegration(
            function: function,
            invoker: invoker,
            stage: "$default",
            apiID: apiID,
            region: region,
            accountID: accountID,
            binaryMediaTypes: [],
            timeoutSeconds: Self.maximumTimeout,
            responses: GatewayResponses([]),
            clock: clock,
            logger: logger
        )
        var restContext = rest.requestContext(call.request, path: call.path, resource: call.endpoint.resource, requestID: call.requestID)
        restContext.path = call.path
        if let jwt = context.authorizer?.jwt { restContext.authorizer = .init(claims: jwt.claims, scopes: jwt.scopes) }
        return rest.proxyEvent(call, context: restContext)
    }

    /// Headers as 2.0 events carry them: names lower-cased, repeated values joined with commas, cookies left out.
    static func headers(of request: GatewayRequest) -> [String: String] {
        var headers: [String: String] = [:]
        for header in request.headers {
            let name = header.name.asciiLowercased
            guard name != "cookie" else { continue }
            if let existing = headers[name] { headers[name] = existing + "," + header.value } else { headers[name] = header.value }
        }
        return headers
    }

    /// Every cookie of every `Cookie` header, or nil when there are none.
    static func cookies(of request: GatewayRequest) -> [String]? {
        let cookies = request.headers.filter { $0.name.equalsIgnoringASCIICase("cookie") }
            .flatMap { $0.value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        return cookies.isEmpty ? nil : cookies
    }

    /// Repeated query values joined with commas, or nil when there are none.
    static func joined(_ query: [String: [String]]) -> [String: String]? {
        query.isEmpty ? nil : query.mapValues { $0.joined(separator: ",") }
    }

    /// The body as text, or base64 when it is not UTF-8 or its type is binary; nil when empty.
    static func body(of request: GatewayRequest) -> (String?, Bool) {
        guard !request.body.isEmpty else { return (nil, false) }
        let type = (request.header("Content-Type") ?? "").lowercased()
        let binaryType = ["image/", "audio/", "video/", "application/octet-stream", "application/pdf", "application/zip", "font/"].contains {
            type.hasPrefix($0)
        }
        if binaryType || String(validating: request.body, as: UTF8.self) == nil {
            return (Data(request.body).base64EncodedString(), true)
        }
        return (String(decoding: request.body, as: UTF8.self), false)
    }
}
