import EmulatorCore
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    /// ListUserPools.
    package func listUserPools(_ request: ListUserPoolsRequest) throws(CognitoError) -> ListUserPoolsResponse {
        guard (1...60).contains(request.MaxResults) else {
            throw .invalidParameter(
                "1 validation error detected: Value '\(request.MaxResults)' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"
            )
        }
        let all = livePools
        let start = try pageStart(request.NextToken, count: all.count)
        let page = all[start..<min(start + request.MaxResults, all.count)]
        return ListUserPoolsResponse(
            UserPools: page.map {
                UserPoolDescriptionType(
                    Id: $0.id,
                    Name: $0.configuration.name,
                    LambdaConfig: $0.configuration.lambdaConfig,
                    LastModifiedDate: $0.created,
                    CreationDate: $0.created
                )
            },
            NextToken: start + request.MaxResults < all.count ? String(start + request.MaxResults) : nil
        )
    }

    /// DescribeUserPool.
    package func describeUserPool(_ request: DescribeUserPoolRequest) throws(CognitoError) -> JSONDocument {
        JSONDocument([("UserPool", try poolDescription(try pool(request.UserPoolId)))])
    }

    /// DescribeUserPoolClient.
    package func describeUserPoolClient(_ request: DescribeUserPoolClientRequest) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request.UserPoolId)
        return JSONDocument([("UserPoolClient", try clientDescription(try client(request.ClientId, poolID: pool.id)))])
    }

    /// `UserPoolType` as DescribeUserPool and CreateUserPool return it: what the emulator models, then
    /// every other member the pool was created with, then AWS's defaults for what is still absent.
    func poolDescription(_ pool: LivePool) throws(CognitoError) -> JSONValue {
        let configuration = pool.configuration
        let users = try database({ db in try CognitoStore.userCount(poolID: pool.id, db) }, write: false)
        let modeled = UserPoolType(
            Id: pool.id,
            Name: configuration.name,
            Arn: pool.arn,
            Policies: .init(PasswordPolicy: configuration.passwordPolicy),
            LambdaConfig: configuration.lambdaConfig,
            LastModifiedDate: pool.modified,
            CreationDate: pool.created,
            SchemaAttributes: configuration.schema.map { attribute in
                var listed = attribute
                // DescribeUserPool names a developer-only attribute with the prefix only the admin API sees.
                if attribute.DeveloperOnlyAttribute { listed.Name = "dev:" + attribute.Name }
                return listed
            },
            AutoVerifiedAttributes: configuration.autoVerifiedAttributes,
            UsernameAttributes: configuration.usernameAttributes.isEmpty ? nil : configuration.usernameAttributes,
            AliasAttributes: configuration.aliasAttributes.isEmpty ? nil : configuration.aliasAttributes,
            MfaConfiguration: configuration.mfaConfiguration,
            EstimatedNumberOfUsers: users,
            AdminCreateUserConfig: .init(
                AllowAdminCreateUserOnly: configuration.allowAdminCreateUserOnly,
                UnusedAccountValidityDays: configuration.passwordPolicy.TemporaryPasswordValidityDays
            )
        )
        let defaults: JSONValue = .object([
            .init("DeletionProtection", .string("INACTIVE")),
            .init("VerificationMessageTemplate", .object([.init("DefaultEmailOption", .string("CONFIRM_WITH_CODE"))])),
            .init("EmailConfiguration", .object([.init("EmailSendingAccount", .string("COGNITO_DEFAULT"))])),
            .init("UserPoolTier", .string("ESSENTIALS")),
            .init("SmsVerificationMessage", .string("Your verification code is {####}. ")),
            .init("EmailVerificationMessage", .string("Your verification code is {####}. ")),
            .init("EmailVerificationSubject", .string("Your verification code")),
            .init(
                "AccountRecoverySetting",
                .object([
                    .init(
                        "RecoveryMechanisms",
                        .array([
                            .object([.init("Priority", .int(1)), .init("Name", .string("verified_email"))]),
                            .object([.init("Priority", .int(2)), .init("Name", .string("verified_phone_number"))]),
                        ])
                    )
                ])
            ),
        ])
        let given = Self.definition(pool.definition, without: ["PoolName", "UserPoolName", "Schema"])
        // The Codable round trip is most of a DescribeUserPool's cost; its result changes only with the pool.
        let described: JSONValue
        if let cached = modeledDescriptions[pool.id], cached.created == pool.created, cached.revision == pool.revision {
            described = cached.value
        } else {
            described = try Self.json(modeled).merged(adding: given)
            modeledDescriptions[pool.id] = (pool.created, pool.revision, described)
        }
        var members = described.members ?? []
        if let index = members.firstIndex(where: { $0.key == "EstimatedNumberOfUsers" }) { members[index].value = .int(users) }
        return JSONValue.object(members).merged(adding: try domainMembers(poolID: pool.id)).merged(adding: defaults)
    }

    /// `UserPoolClientType` as DescribeUserPoolClient and CreateUserPoolClient return it.
    func clientDescription(_ client: LiveClient) throws(CognitoError) -> JSONValue {
        let configuration = client.configuration
        let validity = configuration.tokenValidity
        let modeled = UserPoolClientType(
            UserPoolId: client.poolID,
            ClientName: configuration.name,
            ClientId: client.id,
            ClientSecret: client.secret,
            LastModifiedDate: client.modified,
            CreationDate: client.created,
            RefreshTokenValidity: validity.refresh,
            AccessTokenValidity: validity.access,
            IdTokenValidity: validity.id,
            TokenValidityUnits: .init(AccessToken: validity.accessUnit, IdToken: validity.idUnit, RefreshToken: validity.refreshUnit),
            ReadAttributes: configuration.readAttributes.isEmpty ? nil : configuration.readAttributes,
            WriteAttributes: configuration.writeAttributes.isEmpty ? nil : configuration.writeAttributes,
            ExplicitAuthFlows: configuration.explicitAuthFlows,
            PreventUserExistenceErrors: configuration.preventUserExistenceErrors ? "ENABLED" : "LEGACY",
            EnableTokenRevocation: configuration.enableTokenRevocation,
            AllowedOAuthFlowsUserPoolClient: OAuthClient(client: client).enabled,
            AuthSessionValidity: 3,
            RefreshTokenRotation: .init(
                Feature: configuration.rotationGraceSeconds == nil ? "DISABLED" : "ENABLED",
                RetryGracePeriodSeconds: configuration.rotationGraceSeconds
            )
        )
        let given = Self.definition(client.definition, without: ["GenerateSecret", "UserPoolId"])
        return try Self.json(modeled).merged(adding: given)
    }

    private static func json(_ value: some Encodable) throws(CognitoError) -> JSONValue {
        guard let data = try? JSONEncoder().encode(value), let json = JSONValue.parse(Array(data)) else {
            throw .internalError("A description could not be encoded")
        }
        return json
    }

    /// ListUserPoolClients.
    package func listUserPoolClients(_ request: ListUserPoolClientsRequest) throws(CognitoError) -> ListUserPoolClientsResponse {
        let pool = try pool(request.UserPoolId)
        let all = liveClients(poolID: pool.id)
        let limit = request.MaxResults ?? 60
        let start = try pageStart(request.NextToken, count: all.count)
        let page = all[start..<min(start + limit, all.count)]
        return ListUserPoolClientsResponse(
            UserPoolClients: page.map { UserPoolClientDescription(ClientId: $0.id, UserPoolId: pool.id, ClientName: $0.configuration.name) },
            NextToken: start + limit < all.count ? String(start + limit) : nil
        )
    }

    func pageStart(_ token: String?, count: Int) throws(CognitoError) -> Int {
        guard let token else { return 0 }
        guard let start = Int(token), start >= 0, start <= count else { throw .invalidParameter("Invalid pagination token.") }
        return start
    }
}
