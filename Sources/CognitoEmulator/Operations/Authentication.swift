/// Sign-in, challenges, refresh, sign-out and revocation.
package struct Authentication: CognitoOperationFamily {
    /// InitiateAuth.
    package let initiateAuth = CognitoOperation("InitiateAuth") { (s, r: InitiateAuthRequest) throws(CognitoError) -> InitiateAuthResponse in
        try await s.initiateAuth(r)
    }
    /// RespondToAuthChallenge.
    package let respondToAuthChallenge = CognitoOperation("RespondToAuthChallenge") {
        (s, r: RespondToAuthChallengeRequest) throws(CognitoError) -> InitiateAuthResponse in try await s.respondToAuthChallenge(r)
    }
    /// AdminInitiateAuth.
    package let adminInitiateAuth = CognitoOperation("AdminInitiateAuth", iamOn: \AdminInitiateAuthRequest.UserPoolId) {
        (s, r: AdminInitiateAuthRequest) throws(CognitoError) -> InitiateAuthResponse in try await s.adminInitiateAuth(r)
    }
    /// AdminRespondToAuthChallenge.
    package let adminRespondToAuthChallenge = CognitoOperation("AdminRespondToAuthChallenge", iamOn: \AdminRespondToAuthChallengeRequest.UserPoolId) {
        (s, r: AdminRespondToAuthChallengeRequest) throws(CognitoError) -> InitiateAuthResponse in try await s.adminRespondToAuthChallenge(r)
    }
    /// GetTokensFromRefreshToken.
    package let getTokensFromRefreshToken = CognitoOperation("GetTokensFromRefreshToken") {
        (s, r: GetTokensFromRefreshTokenRequest) throws(CognitoError) -> GetTokensFromRefreshTokenResponse in try await s.getTokensFromRefreshToken(r)
    }
    /// GlobalSignOut.
    package let globalSignOut = CognitoOperation("GlobalSignOut") { (s, r: GlobalSignOutRequest) throws(CognitoError) -> EmptyResponse in
        try await s.globalSignOut(r)
    }
    /// AdminUserGlobalSignOut.
    package let adminUserGlobalSignOut = CognitoOperation("AdminUserGlobalSignOut", iamOn: \AdminUserGlobalSignOutRequest.UserPoolId) {
        (s, r: AdminUserGlobalSignOutRequest) throws(CognitoError) -> EmptyResponse in try await s.adminUserGlobalSignOut(r)
    }
    /// RevokeToken.
    package let revokeToken = CognitoOperation("RevokeToken") { (s, r: RevokeTokenRequest) throws(CognitoError) -> EmptyResponse in
        try await s.revokeToken(r)
    }
}
