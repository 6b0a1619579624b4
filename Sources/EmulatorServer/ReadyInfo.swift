import Foundation

/// What `emulate up` reports once both listeners accept connections: the ready file's contents.
public struct ReadyInfo: Codable, Sendable {
    /// One user pool and its clients.
    public struct UserPool: Codable, Sendable {
        /// The pool ID.
        public var id: String
        /// The pool ARN.
        public var arn: String
        /// The tokens' `iss`.
        public var issuer: String
        /// The JWKS URL.
        public var jwksUri: String
        /// Client IDs by logical ID.
        public var clients: [String: String]
        /// The OAuth 2.0 endpoints' base (standing for the pool's domain), when the pool has a domain or an OAuth client.
        public var oauth: String? = nil
    }

    /// One route of either API.
    public struct Route: Codable, Sendable {
        /// `rest` (under `api`, the stage included) or `http` (under `httpApi`).
        public var api: String
        /// `POST`, `ANY`, …
        public var method: String
        /// `/user/signup` (without the stage).
        public var path: String
        /// The function's key.
        public var function: String
        /// The authorizer kind, or nil.
        public var authorizer: String?

        /// Encodes `authorizer` as `null` when absent, as the ready-file contract shows it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(api, forKey: .api)
            try container.encode(method, forKey: .method)
            try container.encode(path, forKey: .path)
            try container.encode(function, forKey: .function)
            try container.encode(authorizer, forKey: .authorizer)
        }
    }

    /// One function: how it is deployed and how it runs here.
    public struct Function: Codable, Sendable {
        /// The deployed name.
        public var name: String
        /// The ARN.
        public var arn: String
        /// `in-process` (a Swift closure), `process` (over the Runtime API) or `none` (`--allow-missing-handlers`).
        public var runs: String
    }

    /// `http://host:port/<stage>`, or nil when the API listener is not running.
    public var api: String?
    /// `http://host:port`: the HTTP API's base (its `$default` stage), when the service has `httpApi` routes.
    public var httpApi: String?
    /// `http://host:port` of the Cognito endpoint.
    public var cognito: String
    /// `http://host:port` of the Lambda Invoke API, when it listens.
    public var lambda: String?
    /// The functions by key.
    public var functions: [String: Function]
    /// The stage.
    public var stage: String
    /// The region.
    public var region: String
    /// Pools by logical ID.
    public var userPools: [String: UserPool]
    /// The developer's key pair: an IAM user with full access.
    public var credentials: Credentials
    /// Identity pools by logical ID.
    public var identityPools: [String: String]

    /// A key pair.
    public struct Credentials: Codable, Sendable {
        /// The access key ID.
        public var accessKeyId: String
        /// The secret access key.
        public var secretAccessKey: String
    }
    /// The routes.
    public var routes: [Route]
    /// The local console's URL (`http://host:cognitoPort/_emulate/console/`).
    public var console: String? = nil
}

extension ReadyInfo {
    /// Writes `info` as pretty JSON to `path` (atomically); nothing when `path` is nil.
    static func write(_ info: ReadyInfo, to path: String?) throws {
        guard let path else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(info).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
