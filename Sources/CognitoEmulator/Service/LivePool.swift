public import EmulatorCore

/// A provisioned user pool: its configuration, identity and signing keys.
public struct LivePool: Sendable {
    /// `us-east-1_AbCdEfGhI`.
    public var id: String
    /// `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`.
    public var arn: String
    /// The configuration from serverless.yml.
    public var configuration: UserPoolConfiguration
    /// When it was first provisioned (seconds since 1970), stable across restarts.
    public var created: Double
    /// When it was last changed.
    public var modified: Double
    /// How it came to be: from serverless.yml (rebuilt from it at every start) or through CreateUserPool.
    public var origin: Origin
    /// The members it was created or last updated with (CreateUserPool/UpdateUserPool), returned by
    /// DescribeUserPool where the configuration does not model them; empty for serverless.yml's pools.
    public var definition: JSONValue
    /// The keys that sign its tokens.
    package var keys: PoolKeySet
    /// How many times it was changed since it was provisioned or restored (descriptions are cached by it).
    package var revision = 0

    /// The part of the ID after the region, used by SRP.
    var shortName: String { String(id.split(separator: "_", maxSplits: 1).last ?? "") }
}

/// Where a pool or client comes from.
public enum Origin: String, Sendable, Codable {
    /// serverless.yml (or the configuration a test passes): rebuilt from it at every start.
    case configuration
    /// The API (CreateUserPool, CreateUserPoolClient): stored, and restored at every start.
    case api
}

/// A provisioned app client.
public struct LiveClient: Sendable {
    /// 26 lower-case alphanumerics.
    public var id: String
    /// The pool's ID.
    public var poolID: String
    /// The configuration from serverless.yml.
    public var configuration: UserPoolClientConfiguration
    /// The client secret, when `GenerateSecret` is true.
    public var secret: String?
    /// When it was first provisioned.
    public var created: Double
    /// When it was last changed.
    public var modified: Double
    /// How it came to be.
    public var origin: Origin
    /// The members it was created or last updated with, returned by DescribeUserPoolClient where the
    /// configuration does not model them.
    public var definition: JSONValue
    /// Every secret, once AddUserPoolClientSecret has been used (`secret` is the first); empty before.
    package var rotatedSecrets: [ClientSecretEntry] = []

    /// The secrets a `SECRET_HASH` or `ClientSecret` may be made with.
    package var acceptedSecrets: [String] { rotatedSecrets.isEmpty ? (secret.map { [$0] } ?? []) : rotatedSecrets.map(\.value) }
}

/// One secret of an app client, as ListUserPoolClientSecrets describes it.
package struct ClientSecretEntry: Sendable, Codable, Hashable {
    /// `<client-id>--<epoch-create-time>`.
    package var id: String
    /// The secret.
    package var value: String
    /// When it was created.
    package var created: Double
}

/// The pools and clients the service knows, from the configuration and from the API.
struct PoolRegistry: Sendable {
    var pools: [String: LivePool] = [:]
    /// Pool IDs in the order they were provisioned or created.
    var order: [String] = []
    var clients: [String: LiveClient] = [:]

    mutating func add(_ pool: LivePool) {
        if pools.updateValue(pool, forKey: pool.id) == nil { order.append(pool.id) }
    }

    mutating func removePool(_ id: String) {
        pools[id] = nil
        order.removeAll { $0 == id }
        clients = clients.filter { $0.value.poolID != id }
    }
}
