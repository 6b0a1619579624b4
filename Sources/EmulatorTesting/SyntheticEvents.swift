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
