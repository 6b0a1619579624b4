import ServerlessConfig

/// The answer to an OPTIONS preflight on a route with `cors`, as the MOCK integration the
/// Serverless Framework creates answers it.
enum CORSPreflight {
    static func headers(for cors: CORSConfiguration, methods: [String], requestOrigin: String?) -> [(name: String, value: String)] {
        let origin: String
        if cors.origins.count == 1 {
            origin = cors.origins[0]
        } else if let requestOrigin, cors.origins.contains(requestOrigin) || cors.origins.contains("*") {
            origin = requestOrigin
        } else {
            origin = cors.origins.first ?? "*"
        }
        var allowed = Set(methods.filter { $0 != "ANY" })
        allowed.insert("OPTIONS")
        if methods.contains("ANY") { allowed.formUnion(["DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"]) }
        var headers: [(name: String, value: String)] = [
            ("Access-Control-Allow-Origin", origin),
            ("Access-Control-Allow-Headers", cors.headers.joined(separator: ",")),
            ("Access-Control-Allow-Methods", allowed.sorted().joined(separator: ",")),
        ]
        if cors.allowCredentials { headers.append(("Access-Control-Allow-Credentials", "true")) }
        if let maxAge = cors.maxAge { headers.append(("Access-Control-Max-Age", String(maxAge))) }
        if let cacheControl = cors.cacheControl { headers.append(("Cache-Control", cacheControl)) }
        if !cors.exposedResponseHeaders.isEmpty {
            headers.append(("Access-Control-Expose-Headers", cors.exposedResponseHeaders.joined(separator: ",")))
        }
        return headers
    }
}
