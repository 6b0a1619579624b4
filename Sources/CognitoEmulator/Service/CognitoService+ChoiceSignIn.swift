import EmulatorCore
import EmulatorCrypto
import GRDB

/// Choice-based sign-in (`USER_AUTH`): the user signs in with any first factor the pool allows
/// (`Policies.SignInPolicy.AllowedFirstAuthFactors`) and they have set up — `PASSWORD`, `PASSWORD_SRP`,
/// `EMAIL_OTP`, `SMS_OTP`, `WEB_AUTHN` — named by `PREFERRED_CHALLENGE`, else chosen in SELECT_CHALLENGE.
/// A password is followed by MFA as in the other flows; a one-time code or a passkey is the whole sign-in.
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
extension CognitoService {
    /// The first factors a user may choose, in AWS's order. A pool that requires MFA offers the
    /// passwordless ones only to users with passkey MFA (WebAuthnMfaSettings), which the emulator does
    /// not model: there, the password alone.
    func availableFactors(for user: StoredUser, pool: LivePool) throws(CognitoError) -> [FirstFactor] {
        var allowed: Set<String> = ["PASSWORD"]
        if case .array(let items)? = pool.definition["Policies"]?["SignInPolicy"]?["AllowedFirstAuthFactors"] {
            allowed = Set(items.compactMap(\.stringValue))
        }
        if pool.configuration.mfaConfiguration == "ON" { allowed = allowed.intersection(["PASSWORD"]) }
        var factors: [FirstFactor] = []
        if allowed.contains("PASSWORD"), user.passwordVerifier != nil { factors += [.password, .passwordSRP] }
        if allowed.contains("EMAIL_OTP"), attribute("email_verified", of: user) == "true", user.email != nil { factors.append(.emailOTP) }
        if allowed.contains("SMS_OTP"), attribute("phone_number_verified", of: user) == "true", user.phoneNumber != nil { factors.append(.smsOTP) }
        if allowed.contains("WEB_AUTHN"), try !passkeys(of: user.username, pool: pool).isEmpty { factors.append(.webAuthn) }
        return factors
    }

    /// Checks a WEB_AUTHN answer (`CREDENTIAL`, the passkey's assertion as JSON) against the challenge
    /// posed and one of the user's passkeys, whose signature count it then stores.
    func verifyPasskeyAssertion(_ text: String?, challenge: [UInt8], user: StoredUser, pool: LivePool) throws(CognitoError) {
        guard let text, let credential = JSONValue.parse(Array(text.utf8), duplicateKeys: .lastWins) else {
            throw .invalidParameter("Missing required parameter CREDENTIAL")
        }
        let presented = (credential["rawId"] ?? credential["id"])?.stringValue ?? ""
        let key = "\(pool.id)/\(user.username)/\(presented)"
        guard let stored = try document(.webAuthnCredential, key), let publicKey = stored["PublicKey"]?.stringValue.flatMap({ Base64URL.decode($0) })
        else { throw .notAuthorized("The passkey is not one of the user's.") }
        let count = try WebAuthnAssertion.verify(
            credential,
            credentialID: presented,
            publicKey: publicKey,
            signCount: UInt32(stored["SignCount"]?.numberValue ?? 0),
            challenge: challenge,
            relyingParty: try relyingParty(of: pool),
            requireUserVerification: userVerification(of: pool) == "required"
        )
        try save(
            .webAuthnCredential,
            key,
            poolID: pool.id,
            .object((stored.members ?? []).filter { $0.key != "SignCount" } + [.init("SignCount", .int(Int(count)))])
        )
        recordAuthEvent(pool: pool, username: user.username, passed: true, challenge: "WebAuthn")
    }

    // MARK: - Helpers

    /// The options for `navigator.credentials.get()` that come with a WEB_AUTHN challenge.
    func passkeyRequestOptions(_ challenge: [UInt8], for user: StoredUser, pool: LivePool) throws(CognitoError) -> JSONValue {
        let allowed = try passkeys(of: user.username, pool: pool).compactMap { $0["CredentialId"] }
        return JSONValue.object([
            .init("challenge", .string(Base64URL.encode(challenge))), .init("timeout", .int(Int(Self.webAuthnTimeout * 1000))),
            .init("rpId", .string(try relyingParty(of: pool))),
            .init("allowCredentials", .array(allowed.map { .object([.init("type", .string("public-key")), .init("id", $0)]) })),
            .init("userVerification", .string(userVerification(of: pool))),
        ])
    }
}
