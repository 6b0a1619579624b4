import EmulatorCore

/// An HTTP API's JWT authorizer: the token from the identity source (`Bearer ` stripped) is verified
/// against the pool its issuer names, its `aud` (or, without one, `client_id`) must be one of the
/// audiences, and a route with scopes needs a token whose `scope` holds one of them.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
struct JWTAuthorizer: GatewayAuthorizer {
    let verification: TokenVerification<[String: String]>?
    let audience: Set<String>
    let scopes: [String]
    let source: HTTPIdentitySource

    init(poolID: String?, audience: [String], scopes: [String], identitySource: String, verifier: any TokenVerifier, clock: any TimeSource) {
        verification = poolID.map { TokenVerification(poolID: $0, verifier: verifier, clock: clock, render: Self.render) }
        self.audience = Set(audience)
        self.scopes = scopes
        source = HTTPIdentitySource(identitySource)
    }

    func authorize(_ call: GatewayCall) async -> Result<AuthorizerGrant, GatewayError> {
        guard var token = source.value(in: call), !token.isEmpty else {
            return .failure(.unauthorized(wwwAuthenticate: "Bearer"))
        }
        if token.lowercased().hasPrefix("bearer ") { token = String(token.dropFirst(7)) }
        guard let verification else {
            return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token's issuer is not a user pool of this service")))
        }
        let verified: VerifiedToken<[String: String]>
        switch verification.verify(token) {
        case .success(let value): verified = value
        case .failure(.expired): return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token has expired")))
        case .failure(.invalid): return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token is invalid")))
        }
        guard audience.contains(verified.audience) else {
            return .failure(.unauthorized(wwwAuthenticate: Self.invalid("the token does not have a valid audience")))
        }
        if !scopes.isEmpty, !verified.scopes.contains(where: scopes.contains) {
            let wanted = scopes.joined(separator: " ")
            return .failure(
                .forbidden(
                    wwwAuthenticate:
                        "Bearer scope=\"\(wanted)\" error=\"insufficient_scope\" error_description=\"expected scopes: [\(wanted)]\""
                )
            )
        }
        return .success(.http(.init(jwt: .init(claims: verified.rendered, scopes: verified.scopes.isEmpty ? nil : verified.scopes))))
    }

    private static func invalid(_ description: String) -> String {
        "Bearer scope=\"\" error=\"invalid_token\" error_description=\"\(description)\""
    }

    /// Claims as HTTP APIs render them: every value a string, lists as `[a b]`, objects as JSON.
    static func render(_ claims: JSONValue) -> [String: String] {
        guard case .object(let members) = claims else { return [:] }
        var result: [String: String] = [:]
        for member in members {
            switch member.value {
            case .string(let text): result[member.key] = text
            case .int(let number): result[member.key] = String(number)
            case .double(let number): result[member.key] = String(number)
            case .bool(let flag): result[member.key] = flag ? "true" : "false"
            case .array(let items): result[member.key] = "[" + items.map { $0.stringValue ?? $0.serialized }.joined(separator: " ") + "]"
            case .null: result[member.key] = ""
            case .object: result[member.key] = member.value.serialized
            }
        }
        return result
    }
}

/// Where an HTTP API authorizer's identity value comes from: `$request.header.Name`,
/// `$request.querystring.name`, `$context.x`, `$stageVariables.x`.
struct HTTPIdentitySource: Sendable {
    enum Kind: Sendable { case header, query, other }
    let kind: Kind
    let name: String

    init(_ text: String) {
        let trimmed = text.trimmingWhitespace
        if trimmed.hasPrefix("$request.header.") {
            kind = .header
            name = String(trimmed.dropFirst("$request.header.".count))
        } else if trimmed.hasPrefix("$request.querystring.") {
            kind = .query
            name = String(trimmed.dropFirst("$request.querystring.".count))
        } else {
            kind = .other
            name = trimmed
        }
    }

    /// The value in a call, or nil when absent.
    func value(in call: GatewayCall) -> String? {
        switch kind {
        case .header:
            let values = call.request.headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ",")
        case .query:
            return call.query[name].map { $0.joined(separator: ",") }
        case .other:
            return nil
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        var view = Substring(self)
        while view.first == " " || view.first == "\t" { view = view.dropFirst() }
        while view.last == " " || view.last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
