public import YAML

/// `provider`: the cloud settings shared by every function.
/// See https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml#provider
public struct Provider: Sendable {
    /// `provider.name`; always `aws`.
    public var name: String
    /// `provider.runtime`, if given.
    public var runtime: String?
    /// The effective stage.
    public var stage: String
    /// The effective region.
    public var region: String
    /// `provider.environment`, in file order.
    public var environment: [EnvironmentVariable]
    /// The execution role's statements: `provider.iam.role.statements` or the older `provider.iamRoleStatements`.
    public var iamStatements: [IAMStatement]
    /// `provider.iam.role` when it names an existing role instead of listing statements.
    public var customRole: CFValue?
    /// `provider.timeout` (seconds), the default for functions.
    public var timeout: Int?
    /// `provider.memorySize` (MB), the default for functions.
    public var memorySize: Int?
    /// `provider.apiGateway`.
    public var apiGateway: APIGatewaySettings
    /// `provider.httpApi`, if given.
    public var httpApi: HTTPAPISettings?
    /// Where `provider` is declared.
    public var mark: Mark
}

/// One environment variable; its value may be an intrinsic (`{ Ref: UserPool }`).
public struct EnvironmentVariable: Sendable, Hashable {
    /// The variable's name.
    public var name: String
    /// Its value.
    public var value: CFValue
    /// Where it is declared.
    public var mark: Mark
}

/// One IAM policy statement of the functions' execution role.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
public struct IAMStatement: Sendable, Hashable {
    /// `Effect`.
    public enum Effect: String, Sendable, Hashable {
        /// `Allow`.
        case allow = "Allow"
        /// `Deny`.
        case deny = "Deny"
    }

    /// `Effect`.
    public var effect: Effect
    /// `Action` (`cognito-idp:AdminCreateUser`, wildcards allowed).
    public var actions: [String]
    /// `NotAction`.
    public var notActions: [String]
    /// `Resource`: ARNs, possibly intrinsics.
    public var resources: [CFValue]
    /// `NotResource`.
    public var notResources: [CFValue]
    /// `Condition`, as written.
    public var condition: CFValue?
    /// Where the statement is declared.
    public var mark: Mark
}

/// `provider.apiGateway`: settings of the REST API.
public struct APIGatewaySettings: Sendable {
    /// `binaryMediaTypes`: content types whose bodies reach handlers base64-encoded.
    public var binaryMediaTypes: [String] = []
    /// `minimumCompressionSize`, if given.
    public var minimumCompressionSize: Int?
    /// `restApiId`, when the service attaches to an existing API.
    public var restApiID: CFValue?

    /// Default settings.
    public init() {}
}

/// `provider.httpApi`: settings of the HTTP API.
public struct HTTPAPISettings: Sendable {
    /// `cors`, if enabled.
    public var cors: CORSConfiguration?
    /// `authorizers`, by name.
    public var authorizers: [HTTPAPIAuthorizer]
    /// `payload`: `2.0` (the default) or `1.0`.
    public var payloadVersion: String

    /// Creates settings.
    public init(cors: CORSConfiguration? = nil, authorizers: [HTTPAPIAuthorizer] = [], payloadVersion: String = "2.0") {
        self.cors = cors
        self.authorizers = authorizers
        self.payloadVersion = payloadVersion
    }
}

/// One entry of `provider.httpApi.authorizers`.
public struct HTTPAPIAuthorizer: Sendable {
    /// What kind of HTTP API authorizer it is.
    public enum Kind: Sendable {
        /// `type: jwt`: a JWT authorizer with an issuer and audiences.
        case jwt(issuerURL: CFValue, audience: [CFValue])
        /// `type: request`: a Lambda authorizer.
        case request(functionName: String, resultTTLInSeconds: Int, enableSimpleResponses: Bool, payloadVersion: String)
    }

    /// The authorizer's name (its key).
    public var name: String
    /// Its kind and settings.
    public var kind: Kind
    /// `identitySource`, e.g. `$request.header.Authorization`.
    public var identitySource: [String]
    /// Where it is declared.
    public var mark: Mark
}
