import EmulatorCore

/// `/oauth2/userInfo` and `/logout`.
extension HostedLogin {
    /// The attributes each OIDC scope opens (`aws.cognito.signin.user.admin` opens all).
    static let scopeAttributes: [String: Set<String>] = [
        "email": ["email", "email_verified"],
        "phone": ["phone_number", "phone_number_verified"],
        "profile": [
            "name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender",
            "birthdate", "zoneinfo", "locale", "updated_at", "address",
        ],
    ]

    /// `GET|POST /oauth2/userInfo` with `Authorization: Bearer <access token>` of a sign-in with `openid`:
    /// `sub`, `username` and the attributes the token's scopes open, as strings.
    package func userInfo(_ request: Request) -> Response {
        let refusal = Response(
            status: 401,
            headers: [("Content-Type", "application/json;charset=UTF-8"), ("WWW-Authenticate", #"Bearer error="invalid_token""#)],
            body: Array(#"{"error":"invalid_token","error_description":"Access token is missing or invalid"}"#.utf8)
        )
        guard let header = request.authorization, header.hasPrefix("Bearer "), let jwt = JWT(header.dropFirst(7)) else { return refusal }
        let scopes = Set((jwt.claims["scope"]?.stringValue ?? "").split(separator: " ").map(String.init))
        guard scopes.contains("openid") || scopes.contains("aws.cognito.signin.user.admin"),
            let (_, user) = try? service.authenticate(accessToken: String(header.dropFirst(7)))
        else { return refusal }
        let everything = scopes.contains("aws.cognito.signin.user.admin")
        let opened = scopes.reduce(into: Set<String>()) { $0.formUnion(Self.scopeAttributes[$1] ?? []) }
        var members: [JSONValue.Member] = [.init("sub", .string(user.sub))]
        for attribute in user.attributes.list where everything || opened.contains(attribute.Name) {
            if let value = attribute.Value { members.append(.init(attribute.Name, .string(value))) }
        }
        members.append(.init("username", .string(user.username)))
        return Response(status: 200, headers: Self.jsonHeaders, body: Array(JSONValue.object(members).serialized.utf8))
    }

    /// `GET /logout?client_id=…&logout_uri=…`: the browser's session ends, then back to `logout_uri`
    /// (one of the client's `LogoutURLs`; anything else is an error page, never a redirect).
    package func logout(_ request: Request) async -> Response {
        guard let clientID = request.parameters["client_id"], let client = try? await service.client(clientID) else {
            return Self.errorPage(400, "invalid_request: the client_id is missing or names no app client")
        }
        guard let uri = request.parameters["logout_uri"], OAuthClient(client: client).logoutURLs.contains(uri) else {
            return Self.errorPage(400, "redirect_mismatch: the logout_uri is not one of the client's sign-out URLs")
        }
        if let cookie = request.cookies[Self.sessionCookie] { endSession(cookie) }
        return Response(
            status: 302,
            headers: [("Location", uri), ("Set-Cookie", "\(Self.sessionCookie)=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")],
            body: []
        )
    }
}
