/// Sign-in, challenges, refresh, sign-out and revocation.
public struct Authentication: CognitoOperationFamily {
    /// InitiateAuth.
    public let initiateAuth = CognitoOperation("InitiateAuth") { (s, r: InitiateAuthRequest) throws(CognitoError) -> InitiateAuthResponse in
        try await s.initiateAuth(r)
    }
    /// RespondToAuthChallenge.
    public let respondToAuthChallenge = CognitoOperation("RespondToAuthChallenge") {
        (s, r: RespondToAuthChallengeRequest) throws(CognitoError) -> InitiateAuthResponse in try await s.respondToAuthChallenge(r)
    }
    /// AdminInitiateAuth.
    public let adminInitiateAuth = CognitoOperation("AdminInitiateAuth", iamOn: \AdminInitiateAuthRequest.UserPoolId) {
        (s, r: AdminInitiateAuthRequest) throws(CognitoError) -> InitiateAuthResponse in try await s.adminInitiateAuth(r)
    }
    /// AdminRespondToAuthChallenge.
    public let adminRespondToAuthChallenge = CognitoOperation("AdminRespondToAuthChallenge", iamOn: \AdminRespondToAuthChallengeRequest.UserPoolId) {
        (s, r: AdminRespondToAuthChallengeRequest) throws(CognitoError) -> InitiateAuthResponse in try await s.adminRespondToAuthChallenge(r)
    }
    /// GetTokensFromRefreshToken.
    public let getTokensFromRefreshToken = CognitoOperation("GetTokensFromRefreshToken") {
        (s, r: GetTokensFromRefreshTokenRequest) throws(CognitoError) -> GetTokensFromRefreshTokenResponse in try await s.getTokensFromRefreshToken(r)
    }
    /// GlobalSignOut.
    public let globalSignOut = CognitoOperation("GlobalSignOut") { (s, r: GlobalSignOutRequest) throws(CognitoError) -> EmptyResponse in
        try await s.globalSignOut(r)
    }
    /// AdminUserGlobalSignOut.
    public let adminUserGlobalSignOut = CognitoOperation("AdminUserGlobalSignOut", iamOn: \AdminUserGlobalSignOutRequest.UserPoolId) {
        (s, r: AdminUserGlobalSignOutRequest) throws(CognitoError) -> EmptyResponse in try await s.adminUserGlobalSignOut(r)
    }
    /// RevokeToken.
    public let revokeToken = CognitoOperation("RevokeToken") { (s, r: RevokeTokenRequest) throws(CognitoError) -> EmptyResponse in
        try await s.revokeToken(r)
    }
}

extension CognitoCalling {
    /// InitiateAuth.
    public func initiateAuth(_ request: InitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.initiateAuth, request)
    }

    /// RespondToAuthChallenge.
    public func respondToAuthChallenge(_ request: RespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.respondToAuthChallenge, request)
    }

    /// AdminInitiateAuth.
    public func adminInitiateAuth(_ request: AdminInitiateAuthRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.adminInitiateAuth, request)
    }

    /// AdminRespondToAuthChallenge.
    public func adminRespondToAuthChallenge(_ request: AdminRespondToAuthChallengeRequest) async throws(CognitoError) -> InitiateAuthResponse {
        try await call(CognitoOperations.authentication.adminRespondToAuthChallenge, request)
    }

    /// GetTokensFromRefreshToken.
    public func getTokensFromRefreshToken(_ request: GetTokensFromRefreshTokenRequest) async throws(CognitoError) -> GetTokensFromRefreshTokenResponse
    {
        try await call(CognitoOperations.authentication.getTokensFromRefreshToken, request)
    }

    /// GlobalSignOut.
    public func globalSignOut(_ request: GlobalSignOutRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.authentication.globalSignOut, request)
    }

    /// AdminUserGlobalSignOut.
    public func adminUserGlobalSignOut(_ request: AdminUserGlobalSignOutRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.authentication.adminUserGlobalSignOut, request)
    }

    /// RevokeToken.
    public func revokeToken(_ request: RevokeTokenRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.authentication.revokeToken, request)
    }
}
