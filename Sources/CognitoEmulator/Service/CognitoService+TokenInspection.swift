public import EmulatorCore

/// A token as the local console explains it: what it says, and whether this emulator would accept it —
/// or exactly why not.
public struct TokenInspection: Sendable {
    /// The decoded header, when the token is a JWT.
    public var header: JSONValue?
    /// The decoded claims, when the token is a JWT.
    public var claims: JSONValue?
    /// Whether the emulator's checks (those of a Cognito authorizer) accept it now.
    public var valid: Bool
    /// Why it is accepted or not, in words (`expired at …`, `signed by no key of pool …`, `revoked …`).
    public var verdict: String
    /// The pool its issuer names, when one of this emulator's.
    public var poolID: String?
}

extension CognitoService {
    /// Explains `token`: decoded, then checked as ``checkAuthorizerToken(_:poolID:)`` checks it against the
    /// pool its issuer names, on the emulator's clock, saying which check fails first.
    public nonisolated func inspectToken(_ token: String) -> TokenInspection {
        guard let jwt = JWT(token.trimmingPrefix("Bearer ")) else {
            return TokenInspection(valid: false, verdict: "not a JWT: expected three base64url parts, a JSON header and JSON claims")
        }
        var inspection = TokenInspection(header: jwt.header, claims: jwt.claims, valid: false, verdict: "")
        func refuse(_ reason: String) -> TokenInspection {
            inspection.verdict = reason
            return inspection
        }
        let issuer = jwt.claims["iss"]?.stringValue ?? ""
        let poolID = String(issuer.split(separator: "/").last ?? "")
        guard let pool = pools[poolID], acceptsIssuer(issuer, poolID: poolID) else {
            return refuse("its issuer '\(issuer)' is no user pool of this emulator (wrong pool, or a token from elsewhere)")
        }
        inspection.poolID = pool.id
        let expires = jwt.claims["exp"]?.numberValue ?? 0
        // The signature is checked as of a moment the token was current, so that an expired token says so.
        let use = pool.keys.verify(jwt, at: min(clock.now, max(expires - 1, jwt.claims["iat"]?.numberValue ?? 0)))
        guard let use else { return refuse("it is not signed by a key of pool \(pool.id) (forged, altered, or signed by another emulator's key)") }
        let clientID = use == .id ? jwt.claims["aud"]?.stringValue : jwt.claims["client_id"]?.stringValue
        guard let clientID, clients[clientID]?.poolID == pool.id else {
            return refuse("its \(use == .id ? "aud" : "client_id") '\(clientID ?? "")' is no app client of pool \(pool.id)")
        }
        guard expires > clock.now else {
            return refuse("expired at \(UTCTimestamp.iso(expires)); the emulator's clock is at \(UTCTimestamp.iso(clock.now))")
        }
        guard let originJti = jwt.claims["origin_jti"]?.stringValue, isSessionActive(originJti: originJti) else {
            return refuse("its session was revoked (signed out, its refresh token revoked) or its user is disabled or deleted")
        }
        inspection.valid = true
        inspection.verdict = "valid: a current \(use.rawValue) token of pool \(pool.id), expiring at \(UTCTimestamp.iso(expires))"
        return inspection
    }
}

/// Times as the console writes them: `2026-12-02T04:31:00Z`.
enum UTCTimestamp {
    static func iso(_ time: Double) -> String {
        let (date, second) = CivilDate.split(secondsSince1970: Int(time.rounded(.down)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
}
