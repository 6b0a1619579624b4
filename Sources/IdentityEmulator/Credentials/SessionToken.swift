import EmulatorCore
import EmulatorCrypto

/// Temporary credentials carried in their session token: what the session is (role, name, expiry,
/// context keys, the Cognito identity) and a MAC under the emulator's key, so any listener can verify
/// them without a lookup and a restart with the same state keeps them valid. The secret access key is
/// derived from the access key under the same key.
struct SessionToken: Sendable, Equatable {
    static let prefix = "emulate-sts/"

    var accessKeyID: String
    var roleARN: String
    var sessionName: String
    var expires: Double
    var context: [String: [String]]
    var identity: IAMCaller.CognitoIdentity?
    /// The session policy's JSON text, as given.
    var sessionPolicy: String? = nil

    /// The token's text: the claims' JSON and their MAC, each base64url.
    func encoded(key: [UInt8]) -> String {
        var members: [JSONValue.Member] = [
            .init("k", .string(accessKeyID)), .init("r", .string(roleARN)), .init("s", .string(sessionName)), .init("x", .double(expires)),
            .init("c", .object(context.sorted { $0.key < $1.key }.map { .init($0.key, .array($0.value.map(JSONValue.string))) })),
        ]
        if let identity {
            members.append(
                .init(
                    "i",
                    .object([
                        .init("id", .string(identity.identityID)), .init("pool", .string(identity.identityPoolID)),
                        .init("type", .string(identity.authenticationType)),
                        .init("provider", identity.authenticationProvider.map(JSONValue.string) ?? .null),
                    ])
                )
            )
        }
        if let sessionPolicy { members.append(.init("p", .string(sessionPolicy))) }
        let payload = Array(JSONValue.object(members).serialized.utf8)
        return Self.prefix + Base64URL.encode(payload) + "." + Base64URL.encode(Digest.hmacSHA256(key: key, message: payload))
    }

    /// The token `text` says, when its MAC is the emulator's; nil for anything else.
    init?(_ text: String, key: [UInt8]) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let parts = text.dropFirst(Self.prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let mac = Base64URL.decode(parts[1]),
            Digest.constantTimeEquals(mac, Digest.hmacSHA256(key: key, message: payload)), let claims = JSONValue.parse(payload),
            let accessKeyID = claims["k"]?.stringValue, let roleARN = claims["r"]?.stringValue, let sessionName = claims["s"]?.stringValue,
            let expires = claims["x"]?.numberValue
        else { return nil }
        self.accessKeyID = accessKeyID
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.expires = expires
        var context: [String: [String]] = [:]
        if case .object(let members)? = claims["c"] {
            for member in members {
                guard case .array(let values) = member.value else { continue }
                context[member.key] = values.compactMap(\.stringValue)
            }
        }
        self.context = context
        if let identity = claims["i"], let id = identity["id"]?.stringValue, let pool = identity["pool"]?.stringValue,
            let type = identity["type"]?.stringValue
        {
            self.identity = .init(
                identityID: id,
                identityPoolID: pool,
                authenticationType: type,
                authenticationProvider: identity["provider"]?.stringValue
            )
        } else {
            self.identity = nil
        }
        sessionPolicy = claims["p"]?.stringValue
    }

    init(
        accessKeyID: String,
        roleARN: String,
        sessionName: String,
        expires: Double,
        context: [String: [String]],
        identity: IAMCaller.CognitoIdentity?,
        sessionPolicy: String? = nil
    ) {
        self.sessionPolicy = sessionPolicy
        self.accessKeyID = accessKeyID
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.expires = expires
        self.context = context
        self.identity = identity
    }
}
