public import EmulatorCore
import EmulatorCrypto
public import SigV4

/// The credentials the emulator issues and who each stands for: the developer's key pair (an IAM
/// user with full access, in the ready file), each function's, and temporary credentials from STS and
/// identity pools (their session token carries the session, under the emulator's key). Every endpoint
/// asks it who signed a request; keys it did not issue are accepted unchecked unless `strict`.
public struct CredentialAuthority: Sendable {
    /// One key pair (and session token, for temporary credentials).
    public struct Credentials: Sendable, Hashable {
        /// `AKIA…` (long-term) or `ASIA…` (temporary).
        public var accessKeyID: String
        /// The secret.
        public var secretAccessKey: String
        /// The session token of temporary credentials.
        public var sessionToken: String?
        /// When temporary credentials expire, in seconds since 1970 on the emulator's clock.
        public var expiration: Double?

        /// Creates credentials.
        public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Double? = nil) {
            self.accessKeyID = accessKeyID
            self.secretAccessKey = secretAccessKey
            self.sessionToken = sessionToken
            self.expiration = expiration
        }
    }

    /// Credentials fixed at start (the developer's, each function's), with their caller.
    public struct Holder: Sendable {
        /// The credentials.
        public var credentials: Credentials
        /// Who they stand for.
        public var caller: IAMCaller

        /// Creates a holder.
        public init(credentials: Credentials, caller: IAMCaller) {
            self.credentials = credentials
            self.caller = caller
        }
    }

    /// The name of the developer's IAM user.
    public static let developerName = "emulate-developer"

    let key: [UInt8]
    /// The account everything lives in.
    public let accountID: String
    /// The roles sessions may be of, by ARN.
    public let roles: [String: IAMRole]
    /// Refuse keys the emulator did not issue (`--strict-credentials`).
    public let strict: Bool
    let clock: any TimeSource
    private var holders: [String: Holder] = [:]
    /// Signing keys derived so far (four HMACs each, otherwise on every request).
    private let signingKeys = SigningKeyCache()

    /// An authority signing its session tokens with `key` (kept in the state, so they survive a restart).
    public init(key: [UInt8], accountID: String, roles: [IAMRole], strict: Bool, clock: any TimeSource) {
        self.key = key
        self.accountID = accountID
        self.roles = Dictionary(roles.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })
        self.strict = strict
        self.clock = clock
        developer = Self.developer(key: key, accountID: accountID)
        holders[developer.credentials.accessKeyID] = developer
    }

    /// The developer's key pair: an IAM user with full access, stable for the state's key.
    public let developer: Holder

    private static func developer(key: [UInt8], accountID: String) -> Holder {
        let digest = Digest.hmacSHA256(key: key, message: Array("developer".utf8))
        let secretBytes = Digest.hmacSHA256(key: key, message: Array("developer secret".utf8))
        let userBytes = Digest.hmacSHA256(key: key, message: Array("developer user".utf8))
        let accessKeyID = "AKIA" + Self.base32(digest.prefix(10)).prefix(16)
        let arn = "arn:aws:iam::\(accountID):user/\(Self.developerName)"
        return Holder(
            credentials: Credentials(accessKeyID: accessKeyID, secretAccessKey: String(Base64URL.encode(secretBytes.prefix(30)).prefix(40))),
            caller: IAMCaller(
                arn: arn,
                accountID: accountID,
                accessKeyID: accessKeyID,
                userID: "AIDA" + Self.base32(userBytes.prefix(12)).prefix(17),
                policy: .allowAll,
                context: IAMContext(["aws:username": [Self.developerName], "aws:PrincipalArn": [arn], "aws:PrincipalAccount": [accountID]])
            )
        )
    }

    /// Adds credentials fixed at start (a function's).
    public mutating func register(_ holder: Holder) {
        holders[holder.credentials.accessKeyID] = holder
    }

    /// Temporary credentials for a session of `role`, valid for `duration` seconds of the emulator's clock.
    public func issue(
        role: IAMRole,
        sessionName: String,
        duration: Int,
        context: [String: [String]] = [:],
        identity: IAMCaller.CognitoIdentity? = nil,
        sessionPolicy: String? = nil
    ) -> Credentials {
        let accessKeyID = "ASIA" + Self.base32(SecureRandom.bytes(10)).prefix(16)
        let expires = (clock.now + Double(duration)).rounded(.down)
        let token = SessionToken(
            accessKeyID: accessKeyID,
            roleARN: role.arn,
            sessionName: sessionName,
            expires: expires,
            context: context,
            identity: identity,
            sessionPolicy: sessionPolicy
        )
        return Credentials(
            accessKeyID: accessKeyID,
            secretAccessKey: secret(of: accessKeyID),
            sessionToken: token.encoded(key: key),
            expiration: expires
        )
    }

    /// Who signed `request`: nil when it is not signed; an unchecked caller with full access when the key
    /// is not the emulator's (unless strict); otherwise the verified caller or why it is refused.
    /// - Parameters:
    ///   - service: The service the credential scope must name (`sts`, `cognito-idp`, `execute-api`).
    ///   - clocks: The times `X-Amz-Date` may be near (the emulator's, and the wall clock: processes sign with it).
    public func caller(of request: SigV4.Request, service: String, clocks: [Double]) -> Result<IAMCaller?, CallerRefusal> {
        let claim: SigV4Verifier.Claim
        switch SigV4Verifier.claim(request) {
        case .success(let found): claim = found
        case .failure(.missing): return .success(nil)
        case .failure(let failure):
            // A malformed signature by a key the emulator did not issue is not checked (unless strict).
            guard let key = SigV4Verifier.claimedAccessKey(request), holders[key] == nil, !strict,
                SigV4Verifier.claimedSessionToken(request)?.hasPrefix(SessionToken.prefix) != true
            else { return .failure(.signature(failure)) }
            return .success(.unchecked(accountID: accountID, accessKeyID: key))
        }
        let accessKeyID = claim.accessKeyID
        let caller: IAMCaller
        let secret: SigV4Verifier.Secret
        if let holder = holders[accessKeyID] {
            // A long-term key signs without a session token; one sent with it is refused, as AWS refuses it.
            if holder.credentials.sessionToken == nil, claim.sessionToken != nil { return .failure(.invalidToken) }
            caller = holder.caller
            secret = .init(secretAccessKey: holder.credentials.secretAccessKey, sessionToken: holder.credentials.sessionToken)
        } else if let tokenText = claim.sessionToken, tokenText.hasPrefix(SessionToken.prefix) {
            guard let token = SessionToken(tokenText, key: key), token.accessKeyID == accessKeyID, let role = roles[token.roleARN] else {
                return .failure(.invalidToken)
            }
            guard token.expires > clock.now else { return .failure(.expiredToken) }
            caller = sessionCaller(token, role: role)
            secret = .init(secretAccessKey: self.secret(of: accessKeyID), sessionToken: tokenText)
        } else {
            if strict { return .failure(.signature(.unknownAccessKey(accessKeyID))) }
            return .success(.unchecked(accountID: accountID, accessKeyID: accessKeyID))
        }
        switch SigV4Verifier.verify(claim, of: request, clocks: clocks, secret: secret, keys: signingKeys) {
        case .success(let credential):
            guard credential.service == service else { return .failure(.wrongService(service)) }
            return .success(caller)
        case .failure(let failure):
            return .failure(.signature(failure))
        }
    }

    /// The caller a session token stands for, under its role's current permissions.
    private func sessionCaller(_ token: SessionToken, role: IAMRole) -> IAMCaller {
        let arn = role.sessionARN(token.sessionName, account: accountID)
        var context = IAMContext(token.context)
        context["aws:userid"] = ["\(role.roleID):\(token.sessionName)"]
        context["aws:PrincipalArn"] = [role.arn]
        context["aws:PrincipalAccount"] = [accountID]
        // A session policy that no longer reads allows nothing (it was checked when the session began).
        let sessionPolicy = token.sessionPolicy.map { text in
            JSONValue.parse(Array(text.utf8)).flatMap { try? IAMPolicy(document: $0) } ?? IAMPolicy(statements: [])
        }
        return IAMCaller(
            arn: arn,
            accountID: accountID,
            accessKeyID: token.accessKeyID,
            userID: "\(role.roleID):\(token.sessionName)",
            policy: role.permissions,
            sessionPolicy: sessionPolicy,
            context: context,
            cognitoIdentity: token.identity
        )
    }

    private func secret(of accessKeyID: String) -> String {
        String(Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("secret \(accessKeyID)".utf8))).prefix(40))
    }

    static func base32(_ bytes: some Collection<UInt8>) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }
}
