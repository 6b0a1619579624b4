import EmulatorCore
import Foundation

extension RESTProxyIntegration {
    /// `requestContext` as API Gateway fills it for a REST API.
    func requestContext(_ request: GatewayRequest, path: String, resource: String, requestID: String) -> APIGatewayProxyRequest.RequestContext {
        let now = Date(timeIntervalSince1970: clock.now)
        let host = request.header("Host") ?? "localhost"
        return APIGatewayProxyRequest.RequestContext(
            resourceId: APIGateway.stableID("resource|\(resource)", length: 6),
            resourcePath: resource,
            httpMethod: request.method,
            extendedRequestId: APIGateway.stableID(requestID + "|extended", length: 16),
            requestTime: UTCTime.requestTime(secondsSince1970: now.timeIntervalSince1970),
            path: "/\(stage)\(path == "/" ? "" : path)",
            accountId: accountID,
            protocol: "HTTP/1.1",
            stage: stage,
            domainPrefix: String(host.split(separator: ".").first ?? Substring(host)),
            requestTimeEpoch: Int(now.timeIntervalSince1970 * 1000),
            requestId: requestID,
            identity: .init(sourceIp: request.sourceIP, userAgent: request.header("User-Agent")),
            domainName: host,
            apiId: apiID,
            authorizer: nil
        )
    }

    /// The proxy event (payload 1.0): single and multi-value maps kept consistent, empty maps `null`,
    /// the body base64-encoded when its type is a binary media type or it is not UTF-8.
    func proxyEvent(_ call: GatewayCall, context: APIGatewayProxyRequest.RequestContext) -> APIGatewayProxyRequest {
        let request = call.request
        let query = call.query
        var headers = request.headers
        func add(_ name: String, _ value: String) {
            if !headers.contains(where: { $0.name.lowercased() == name.lowercased() }) { headers.append((name, value)) }
        }
        add("X-Forwarded-For", request.sourceIP)
        add("X-Forwarded-Proto", "http")
        add("X-Amzn-Trace-Id", "Root=1-\(String(Int(clock.now), radix: 16))-\(APIGateway.stableID(context.requestId, length: 24))")
        let (single, multi) = Self.headerMaps(headers)
        var body: String?
        var isBase64 = false
        if !request.body.isEmpty {
            let contentType = request.header("Content-Type")
            if isBinary(contentType) || String(validating: request.body, as: UTF8.self) == nil {
                body = Data(request.body).base64EncodedString()
                isBase64 = true
            } else {
                body = String(decoding: request.body, as: UTF8.self)
            }
        }
        return APIGatewayProxyRequest(
            resource: call.endpoint.resource,
            path: call.path.removingPercentEncodingOrSelf,
            httpMethod: request.method,
            headers: single,
            multiValueHeaders: multi,
            queryStringParameters: query.isEmpty ? nil : query.mapValues { $0.last! },
            multiValueQueryStringParameters: query.isEmpty ? nil : query,
            pathParameters: call.pathParameters.isEmpty ? nil : call.pathParameters,
            stageVariables: nil,
            requestContext: context,
            body: body,
            isBase64Encoded: isBase64
        )
    }

    private func isBinary(_ contentType: String?) -> Bool {
        guard let contentType, !binaryMediaTypes.isEmpty else { return false }
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return binaryMediaTypes.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern == "*/*" { return true }
            if pattern.hasSuffix("/*") { return type.hasPrefix(pattern.dropLast()) }
            return pattern == type
        }
    }

    /// `headers` (last value) and `multiValueHeaders` (all values); nil when there are none.
    static func headerMaps(_ headers: [(name: String, value: String)]) -> ([String: String]?, [String: [String]]?) {
        guard !headers.isEmpty else { return (nil, nil) }
        var single: [String: String] = [:]
        var multi: [String: [String]] = [:]
        for header in headers {
            single[header.name] = header.value
            multi[header.name, default: []].append(header.value)
        }
        return (single, multi)
    }

    /// Query parameters, percent-decoded, every value in order.
    static func parseQuery(_ query: String?) -> [String: [String]] {
        guard let query, !query.isEmpty else { return [:] }
        var result: [String: [String]] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncodingOrSelf
            let value = parts.count > 1 ? String(parts[1]).removingPercentEncodingOrSelf : ""
            result[name, default: []].append(value)
        }
        return result
    }
}
