/// Pools and app clients (all authorized by IAM).
public struct PoolManagement: CognitoOperationFamily {
    /// ListUserPools.
    public let listUserPools = CognitoOperation("ListUserPools", iamOn: \ListUserPoolsRequest.noPool) {
        (s, r: ListUserPoolsRequest) throws(CognitoError) -> ListUserPoolsResponse in try await s.listUserPools(r)
    }
    /// DescribeUserPool.
    public let describeUserPool = CognitoOperation("DescribeUserPool", iamOn: \DescribeUserPoolRequest.UserPoolId) {
        (s, r: DescribeUserPoolRequest) throws(CognitoError) -> JSONDocument in try await s.describeUserPool(r)
    }
    /// ListUserPoolClients.
    public let listUserPoolClients = CognitoOperation("ListUserPoolClients", iamOn: \ListUserPoolClientsRequest.UserPoolId) {
        (s, r: ListUserPoolClientsRequest) throws(CognitoError) -> ListUserPoolClientsResponse in try await s.listUserPoolClients(r)
    }
    /// DescribeUserPoolClient.
    public let describeUserPoolClient = CognitoOperation("DescribeUserPoolClient", iamOn: \DescribeUserPoolClientRequest.UserPoolId) {
        (s, r: DescribeUserPoolClientRequest) throws(CognitoError) -> JSONDocument in try await s.describeUserPoolClient(r)
    }
    /// CreateUserPool.
    public let createUserPool = CognitoOperation("CreateUserPool", iamOn: \CreateUserPoolRequest.noPool) {
        (s, r: CreateUserPoolRequest) throws(CognitoError) -> JSONDocument in try await s.createUserPool(r)
    }
    /// UpdateUserPool.
    public let updateUserPool = CognitoOperation("UpdateUserPool", iamOn: \UpdateUserPoolRequest.userPoolID) {
        (s, r: UpdateUserPoolRequest) throws(CognitoError) -> EmptyResponse in try await s.updateUserPool(r)
    }
    /// DeleteUserPool.
    public let deleteUserPool = CognitoOperation("DeleteUserPool", iamOn: \DeleteUserPoolRequest.UserPoolId) {
        (s, r: DeleteUserPoolRequest) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPool(r)
    }
    /// CreateUserPoolClient.
    public let createUserPoolClient = CognitoOperation(
        "CreateUserPoolClient",
        iamOn: \CreateUserPoolClientRequest.userPoolID
    ) { (s, r: CreateUserPoolClientRequest) throws(CognitoError) -> JSONDocument in try await s.createUserPoolClient(r) }
    /// UpdateUserPoolClient.
    public let updateUserPoolClient = CognitoOperation(
        "UpdateUserPoolClient",
        iamOn: \UpdateUserPoolClientRequest.userPoolID
    ) { (s, r: UpdateUserPoolClientRequest) throws(CognitoError) -> JSONDocument in try await s.updateUserPoolClient(r) }
    /// DeleteUserPoolClient.
    public let deleteUserPoolClient = CognitoOperation("DeleteUserPoolClient", iamOn: \DeleteUserPoolClientRequest.UserPoolId) {
        (s, r: DeleteUserPoolClientRequest) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPoolClient(r)
    }
}

extension CognitoCalling {
    /// ListUserPools.
    public func listUserPools(_ request: ListUserPoolsRequest) async throws(CognitoError) -> ListUserPoolsResponse {
        try await call(CognitoOperations.pools.listUserPools, request)
    }

    /// DescribeUserPool.
    public func describeUserPool(_ request: DescribeUserPoolRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.describeUserPool, request)
    }

    /// ListUserPoolClients.
    public func listUserPoolClients(_ request: ListUserPoolClientsRequest) async throws(CognitoError) -> ListUserPoolClientsResponse {
        try await call(CognitoOperations.pools.listUserPoolClients, request)
    }

    /// DescribeUserPoolClient.
    public func describeUserPoolClient(_ request: DescribeUserPoolClientRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.describeUserPoolClient, request)
    }

    /// CreateUserPool.
    public func createUserPool(_ request: CreateUserPoolRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.createUserPool, request)
    }

    /// UpdateUserPool.
    public func updateUserPool(_ request: UpdateUserPoolRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.pools.updateUserPool, request)
    }

    /// DeleteUserPool.
    public func deleteUserPool(_ request: DeleteUserPoolRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.pools.deleteUserPool, request)
    }

    /// CreateUserPoolClient.
    public func createUserPoolClient(_ request: CreateUserPoolClientRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.createUserPoolClient, request)
    }

    /// UpdateUserPoolClient.
    public func updateUserPoolClient(_ request: UpdateUserPoolClientRequest) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.pools.updateUserPoolClient, request)
    }

    /// DeleteUserPoolClient.
    public func deleteUserPoolClient(_ request: DeleteUserPoolClientRequest) async throws(CognitoError) -> EmptyResponse {
        try await call(CognitoOperations.pools.deleteUserPoolClient, request)
    }
}
