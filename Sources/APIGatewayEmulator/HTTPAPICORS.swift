import ServerlessConfig

/// CORS as an HTTP API does it (`provider.httpApi.cors`): the gateway answers every preflight itself
/// (an `OPTIONS` with `Origin` and `Access-Control-Request-Method`), whatever the routes, and adds the
/// CORS headers to every answer to a request with an `Origin`, replacing any the function set.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
struct HTTPAPICORS: Sendable {
    let configuration: CORSConfiguration

    /// Whether a request is a preflight this configuration answers.
    func isPreflight(_ request: GatewayRequest) -> Bool {
        request.method == "OPTIONS" && request.header("Origin") != nil && request.header("Access-Control-Request-Method") != nil
    }

    /// The answer to a preflight: 204 with the allowed origin, methods, headers and age.
    func preflight(_ request: GatewayRequest, requestID: String) -> GatewayResponse {
        var headers: [(name: String, value: String)] = []
        if let origin = allowedOrigin(request.header("Origin")) {
            headers.append(("access-control-allow-origin", origin))
            headers.append(("access-control-allow-methods", configuration.methods.joined(separator: ",")))
            headers.append(("access-control-allow-headers", configuration.headers.joined(separator: ",").lowercased()))
            if configuration.allowCredentials { headers.append(("access-control-allow-credentials", "true")) }
            if let maxAge = configuration.maxAge { headers.append(("access-control-max-age", String(maxAge))) }
        }
        headers.append(("apigw-requestid", APIGateway.stableID(requestID, length: 15) + "="))
        return GatewayResponse(status: 204, headers: headers, body: [], functionKey: nil, requestID: requestID)
    }

    /// An answer with the CORS headers of a request with an `Origin` (the function's own CORS headers replaced).
    func decorate(_ response: GatewayResponse, for request: GatewayRequest) -> GatewayResponse {
        guard let origin = allowedOrigin(request.header("Origin")) else { return response }
        var response = response
        response.headers.removeAll { $0.name.lowercased().hasPrefix("access-control-") }
        response.headers.append(("access-control-allow-origin", origin))
        if configuration.allowCredentials { response.headers.append(("access-control-allow-credentials", "true")) }
        if !configuration.exposedResponseHeaders.isEmpty {
            response.headers.append(("access-control-expose-headers", configuration.exposedResponseHeaders.joined(separator: ",")))
        }
        return response
    }

    /// `*` (or the origin itself with credentials) when every origin is allowed, the origin when it is listed, else nil.
    private func allowedOrigin(_ origin: String?) -> String? {
        guard let origin else { return nil }
        if configuration.origins.contains("*") { return configuration.allowCredentials ? origin : "*" }
        return configuration.origins.contains(origin) ? origin : nil
    }
}
