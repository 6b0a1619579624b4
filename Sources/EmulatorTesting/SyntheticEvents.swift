public import APIGatewayEmulator
import Foundation

extension APIGatewayProxyRequest {
    /// A REST API proxy event as API Gateway fills it for `method path`, with a JSON body, headers and
    /// query parameters (multi-value maps consistent with the single-value ones).
    ///
    /// ```swift
    /// let event = try APIGatewayProxyRequest.synthetic("POST", "/user/private").authorized(claims: ["email": "a@b.c"])
    /// ```
    public static func synthetic(
        _ method: String,
        _ path: String,
        json: (any Encodable)? = nil,
        body: String? = nil,
        headers: [String: String] = [:],
        query: [String: String] = [:],
        pathParameters: [String: String] = [:],
        resource: String? = nil,
        stage: String = "dev"
    ) throws -> APIGatewayProxyRequest {
        var allHeaders = headers
        var text = body
        if let json {
            text = String(decoding: try JSONEncoder().encode(json), as: UTF8.self)
            if allHeaders.keys.contains(where: { $0.lowercased() == "content-type" }) == false { allHeaders["Content-Type"] = "application/json" }
        }
        let requestID = UUID().uuidString.lowercased()
        var context = RequestContext(resourcePath: resource ?? path, httpMethod: method, path: path, stage: stage, requestID: requestID)
        context.requestTimeEpoch = Int(Date().timeIntervalSince1970 * 1000)
        return APIGatewayProxyRequest(
            resource: resource ?? path,
            path: path,
            httpMethod: method,
            headers: allHeaders.isEmpty ? nil : allHeaders,
            multiValueHeaders: allHeaders.isEmpty ? nil : allHeaders.mapValues { [$0] },
            queryStringParameters: query.isEmpty ? nil : query,
            multiValueQueryStringParameters: query.isEmpty ? nil : query.mapValues { [$0] },
            pathParameters: pathParameters.isEmpty ? nil : pathParameters,
            stageVariables: nil,
            requestContext: context,
            body: text,
            isBase64Encoded: false
        )
    }

    /// The same event as a Cognito authorizer would pass it on: `requestContext.authorizer.claims`.
    public func authorized(claims: [String: String]) -> APIGatewayProxyRequest {
        var copy = self
        copy.requestContext.authorizer = .init(claims: claims)
        return copy
    }
}

extension APIGatewayV2Request {
    /// An HTTP API event (payload 2.0) as API Gateway fills it for `method path`, with a JSON body,
    /// headers (names lower-cased) and query parameters.
    ///
    /// ```swift
    /// let event = try APIGatewayV2Request.synthetic("GET", "/notes/1", pathParameters: ["id": "1"], route: "/notes/{id}")
    ///     .authorized(jwtClaims: ["sub": "abc"], scopes: ["notes/read"])
    /// ```
    public static func synthetic(
        _ method: String,
        _ path: String,
        json: (any Encodable)? = nil,
        body: String? = nil,
        headers: [String: String] = [:],
        query: [String: String] = [:],
        pathParameters: [String: String] = [:],
        route: String? = nil
    ) throws -> APIGatewayV2Request {
        var allHeaders = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        var text = body
        if let json {
            text = String(decoding: try JSONEncoder().encode(json), as: UTF8.self)
            if allHeaders["content-type"] == nil { allHeaders["content-type"] = "application/json" }
        }
        let now = Date().timeIntervalSince1970
        let routeKey = "\(method.uppercased()) \(route ?? path)"
        let rawQuery = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        return APIGatewayV2Request(
            routeKey: routeKey,
            rawPath: path,
            rawQueryString: rawQuery,
            headers: allHeaders,
            queryStringParameters: query.isEmpty ? nil : query,
            pathParameters: pathParameters.isEmpty ? nil : pathParameters,
            requestContext: .init(
                accountId: "000000000000",
                apiId: "synthetic",
                domainName: "localhost",
                domainPrefix: "localhost",
                http: .init(method: method.uppercased(), path: path, sourceIp: "127.0.0.1", userAgent: allHeaders["user-agent"] ?? ""),
                requestId: UUID().uuidString.lowercased(),
                routeKey: routeKey,
                time: UTCTime.requestTime(secondsSince1970: now),
                timeEpoch: Int(now * 1000)
            ),
            body: text
        )
    }

    /// The same event as a JWT authorizer would pass it on: `requestContext.authorizer.jwt`.
    public func authorized(jwtClaims claims: [String: String], scopes: [String]? = nil) -> APIGatewayV2Request {
        var copy = self
        copy.requestContext.authorizer = .init(jwt: .init(claims: claims, scopes: scopes))
        return copy
    }
}
