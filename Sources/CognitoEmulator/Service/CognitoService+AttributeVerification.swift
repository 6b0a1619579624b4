import GRDB

/// Verifying a changed e-mail or phone number: a code sent by UpdateUserAttributes (or asked for here)
/// and confirmed with VerifyUserAttribute, which sets `email_verified` / `phone_number_verified`.
extension CognitoService {
    static let verifiableAttributes: Set<String> = ["email", "phone_number"]

    /// GetUserAttributeVerificationCode: a new code for the attribute, through the CustomMessage trigger.
    package func getUserAttributeVerificationCode(
        _ request: GetUserAttributeVerificationCodeRequest
    ) async throws(CognitoError) -> CodeDeliveryResponse {
        let (pool, user) = try authenticate(accessToken: request.AccessToken)
        let client = try accessTokenClient(request.AccessToken)
        guard Self.verifiableAttributes.contains(request.AttributeName) else {
            throw .invalidParameter("Invalid attribute name: \(request.AttributeName) cannot be verified")
        }
        guard attribute(request.AttributeName, of: user) != nil else {
            throw .invalidParameter("User does not have the attribute \(request.AttributeName)")
        }
        let code: PendingCode? = try database { db in
            try sendCode(
                purpose: "verify:\(request.AttributeName)",
                trigger: "GetUserAttributeVerificationCode",
                to: user,
                pool: pool,
                validity: Self.signUpCodeValidity,
                db
            )
        }
        guard let code else { return CodeDeliveryResponse(CodeDeliveryDetails: nil) }
        try await deliver(
            code,
            occasion: .verifyUserAttribute,
            user: user,
            pool: pool,
            clientID: client.id,
            clientMetadata: request.ClientMetadata
        )
        return CodeDeliveryResponse(CodeDeliveryDetails: code.delivery)
    }

    /// VerifyUserAttribute: the code marks the attribute verified.
    package func verifyUserAttribute(_ request: VerifyUserAttributeRequest) throws(CognitoError) -> EmptyResponse {
        let (pool, current) = try authenticate(accessToken: request.AccessToken)
        guard Self.verifiableAttributes.contains(request.AttributeName) else {
            throw .invalidParameter("Invalid attribute name: \(request.AttributeName) cannot be verified")
        }
        let code = request.Code
        try database { db in
            var user = try requireUser(pool, current.username, db)
            try consumeCode(code, purpose: "verify:\(request.AttributeName)", user: user, pool: pool, db)
            apply([AttributeType(Name: request.AttributeName + "_verified", Value: "true")], to: &user)
            user.modified = clock.now
            try user.update(db)
        }
        return EmptyResponse()
    }
}
