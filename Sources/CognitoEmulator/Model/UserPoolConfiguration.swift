public import EmulatorCore

/// A user pool as serverless.yml declares it (`AWS::Cognito::UserPool`), with AWS's defaults filled in.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html
public struct UserPoolConfiguration: Sendable, Hashable {
    /// The logical ID in `resources`.
    public var logicalID: String
    /// `UserPoolName`.
    public var name: String
    /// The schema: the standard attributes (with any overrides) and the custom ones (`custom:`).
    public var schema: [SchemaAttribute]
    /// `UsernameAttributes`: `email` and/or `phone_number` sign in in place of a username.
    public var usernameAttributes: [String]
    /// `AliasAttributes`: `email`, `phone_number`, `preferred_username` may also be used to sign in.
    public var aliasAttributes: [String]
    /// `AutoVerifiedAttributes`: verified by a code at sign-up.
    public var autoVerifiedAttributes: [String]
    /// `Policies.PasswordPolicy`.
    public var passwordPolicy: PasswordPolicy
    /// `AdminCreateUserConfig.AllowAdminCreateUserOnly`: SignUp is refused.
    public var allowAdminCreateUserOnly: Bool
    /// `MfaConfiguration`: `OFF`, `ON` or `OPTIONAL`.
    public var mfaConfiguration: String
    /// `LambdaConfig`: trigger name (`PreSignUp`, `PreTokenGeneration`, …) → function ARN.
    public var lambdaConfig: [String: String]
    /// `LambdaConfig.PreTokenGenerationConfig.LambdaVersion`: `V1_0` (ID token claims) or `V2_0` (both tokens).
    public var preTokenGenerationVersion = "V1_0"
    /// `DeletionProtection` is `ACTIVE`: DeleteUserPool is refused.
    public var deletionProtection = false
    /// The members it was read from (CreateUserPool's, or the resource's properties), which
    /// DescribeUserPool returns where the configuration does not model them.
    public var definition: JSONValue = .object([])

    /// The attributes a user must have, as sign-up and NEW_PASSWORD_REQUIRED check them (`sub`, required
    /// in the schema, is the pool's to assign).
    var requiredAttributes: [SchemaAttribute] { schema.filter { $0.Required && $0.Name != "sub" } }

    /// The schema attribute with a name.
    func attribute(_ name: String) -> SchemaAttribute? {
        schema.first { $0.Name == name }
    }

    /// Creates the value.
    package init(
        logicalID: String,
        name: String,
        schema: [SchemaAttribute],
        usernameAttributes: [String],
        aliasAttributes: [String],
        autoVerifiedAttributes: [String],
        passwordPolicy: PasswordPolicy,
        allowAdminCreateUserOnly: Bool,
        mfaConfiguration: String,
        lambdaConfig: [String: String],
        preTokenGenerationVersion: String = "V1_0"
    ) {
        self.preTokenGenerationVersion = preTokenGenerationVersion
        self.logicalID = logicalID
        self.name = name
        self.schema = schema
        self.usernameAttributes = usernameAttributes
        self.aliasAttributes = aliasAttributes
        self.autoVerifiedAttributes = autoVerifiedAttributes
        self.passwordPolicy = passwordPolicy
        self.allowAdminCreateUserOnly = allowAdminCreateUserOnly
        self.mfaConfiguration = mfaConfiguration
        self.lambdaConfig = lambdaConfig
    }
}

/// An app client as serverless.yml declares it (`AWS::Cognito::UserPoolClient`), with AWS's defaults.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpoolclient.html
public struct UserPoolClientConfiguration: Sendable, Hashable {
    /// The logical ID in `resources`.
    public var logicalID: String
    /// The logical ID of the pool it belongs to.
    public var poolLogicalID: String
    /// `ClientName`.
    public var name: String
    /// `GenerateSecret`.
    public var generateSecret: Bool
    /// `ExplicitAuthFlows` as written (legacy names or `ALLOW_*`); the defaults when absent.
    public var explicitAuthFlows: [String]
    /// `AccessTokenValidity` in seconds (from the value and `TokenValidityUnits`).
    public var accessTokenValiditySeconds: Int
    /// `IdTokenValidity` in seconds.
    public var idTokenValiditySeconds: Int
    /// `RefreshTokenValidity` in seconds.
    public var refreshTokenValiditySeconds: Int
    /// The values and units as written, for DescribeUserPoolClient.
    public var tokenValidity: TokenValidity
    /// `PreventUserExistenceErrors` is `ENABLED`.
    public var preventUserExistenceErrors: Bool
    /// `EnableTokenRevocation` (true by default).
    public var enableTokenRevocation: Bool
    /// `ReadAttributes`; empty means all.
    public var readAttributes: [String]
    /// `WriteAttributes`; empty means all writable ones.
    public var writeAttributes: [String]
    /// `RefreshTokenRotation.RetryGracePeriodSeconds` when `Feature` is `ENABLED`; nil without rotation.
    public var rotationGraceSeconds: Int?
    /// The members it was read from, which DescribeUserPoolClient returns where the configuration does not model them.
    public var definition: JSONValue = .object([])

    /// Token validities as DescribeUserPoolClient reports them.
    public struct TokenValidity: Sendable, Hashable {
        /// `AccessTokenValidity` and its unit.
        public var access: Int, accessUnit: String
        /// `IdTokenValidity` and its unit.
        public var id: Int, idUnit: String
        /// `RefreshTokenValidity` and its unit.
        public var refresh: Int, refreshUnit: String

        /// Creates the value.
        package init(access: Int, accessUnit: String, id: Int, idUnit: String, refresh: Int, refreshUnit: String) {
            self.access = access
            self.accessUnit = accessUnit
            self.id = id
            self.idUnit = idUnit
            self.refresh = refresh
            self.refreshUnit = refreshUnit
        }
    }

    /// The flows a client allows when `ExplicitAuthFlows` is absent.
    public static let defaultAuthFlows = ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]

    /// Whether an `AuthFlow` of InitiateAuth/AdminInitiateAuth is enabled, under AWS's rules for
    /// legacy flow names (which also allow SRP and refresh) and `ALLOW_*` names.
    public func allows(_ flow: String) -> Bool {
        let legacy = explicitAuthFlows.contains { !$0.hasPrefix("ALLOW_") }
        let flows = Set(explicitAuthFlows)
        switch flow {
        case "ADMIN_NO_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH":
            return flows.contains("ADMIN_NO_SRP_AUTH") || flows.contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
        case "USER_PASSWORD_AUTH":
            return flows.contains("USER_PASSWORD_AUTH") || flows.contains("ALLOW_USER_PASSWORD_AUTH")
        case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN":
            return legacy || flows.contains("ALLOW_REFRESH_TOKEN_AUTH")
        case "USER_SRP_AUTH":
            return legacy || flows.contains("ALLOW_USER_SRP_AUTH")
        case "CUSTOM_AUTH":
            return flows.contains("CUSTOM_AUTH_FLOW_ONLY") || flows.contains("ALLOW_CUSTOM_AUTH")
        case "USER_AUTH":
            return flows.contains("ALLOW_USER_AUTH")
        default:
            return false
        }
    }

    /// Creates the value.
    package init(
        logicalID: String,
        poolLogicalID: String,
        name: String,
        generateSecret: Bool,
        explicitAuthFlows: [String],
        accessTokenValiditySeconds: Int,
        idTokenValiditySeconds: Int,
        refreshTokenValiditySeconds: Int,
        tokenValidity: TokenValidity,
        preventUserExistenceErrors: Bool,
        enableTokenRevocation: Bool,
        readAttributes: [String],
        writeAttributes: [String],
        rotationGraceSeconds: Int? = nil
    ) {
        self.logicalID = logicalID
        self.poolLogicalID = poolLogicalID
        self.name = name
        self.generateSecret = generateSecret
        self.explicitAuthFlows = explicitAuthFlows
        self.accessTokenValiditySeconds = accessTokenValiditySeconds
        self.idTokenValiditySeconds = idTokenValiditySeconds
        self.refreshTokenValiditySeconds = refreshTokenValiditySeconds
        self.tokenValidity = tokenValidity
        self.preventUserExistenceErrors = preventUserExistenceErrors
        self.enableTokenRevocation = enableTokenRevocation
        self.readAttributes = readAttributes
        self.writeAttributes = writeAttributes
        self.rotationGraceSeconds = rotationGraceSeconds
    }
}

/// A group as serverless.yml declares it (`AWS::Cognito::UserPoolGroup`).
public struct UserPoolGroupConfiguration: Sendable, Hashable {
    /// The logical ID.
    public var logicalID: String
    /// The logical ID of its pool.
    public var poolLogicalID: String
    /// `GroupName`.
    public var name: String
    /// `Description`.
    public var description: String?
    /// `Precedence`.
    public var precedence: Int?
    /// `RoleArn`.
    public var roleARN: String?

    /// Creates the value.
    package init(logicalID: String, poolLogicalID: String, name: String, description: String? = nil, precedence: Int? = nil, roleARN: String? = nil) {
        self.logicalID = logicalID
        self.poolLogicalID = poolLogicalID
        self.name = name
        self.description = description
        self.precedence = precedence
        self.roleARN = roleARN
    }
}
