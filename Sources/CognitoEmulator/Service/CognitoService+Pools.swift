import GRDB

extension CognitoService {
    /// ListUserPools.
    public func listUserPools(_ request: ListUserPoolsRequest) throws(CognitoError) -> ListUserPoolsResponse {
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
    public func describeUserPool(_ request: UserPoolIdRequest) throws(CognitoError) -> DescribeUserPoolResponse {
        let pool = try pool(request.UserPoolId)
        let configuration = pool.configuration
        let users = try database({ db in try CognitoStore.userCount(poolID: pool.id, db) }, write: false)
        return DescribeUserPoolResponse(
            UserPool: UserPoolType(
                Id: pool.id,
                Name: configuration.name,
                Arn: pool.arn,
                Policies: .init(PasswordPolicy: configuration.passwordPolicy),
                LambdaConfig: configuration.lambdaConfig,
                LastModifiedDate: pool.created,
                CreationDate: pool.created,
                SchemaAttributes: configuration.schema,
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
        )
    }

    /// DescribeUserPoolClient.
    public func describeUserPoolClient(_ request: DescribeUserPoolClientRequest) throws(CognitoError) -> DescribeUserPoolClientResponse {
        let pool = try pool(request.UserPoolId)
        let client = try client(request.ClientId, poolID: pool.id)
        let configuration = client.configuration
        let validity = configuration.tokenValidity
        return DescribeUserPoolClientResponse(
            UserPoolClient: UserPoolClientType(
                UserPoolId: pool.id,
                ClientName: configuration.name,
                ClientId: client.id,
                ClientSecret: client.secret,
                LastModifiedDate: client.created,
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
                AllowedOAuthFlowsUserPoolClient: false,
                AuthSessionValidity: 3,
                RefreshTokenRotation: .init(
                    Feature: configuration.rotationGraceSeconds == nil ? "DISABLED" : "ENABLED",
                    RetryGracePeriodSeconds: configuration.rotationGraceSeconds
                )
            )
        )
    }

    /// ListUserPoolClients.
    public func listUserPoolClients(_ request: UserPoolIdRequest) throws(CognitoError) -> ListUserPoolClientsResponse {
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
