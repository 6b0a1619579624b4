/// Pools and app clients (all authorized by IAM).
package struct PoolManagement: CognitoOperationFamily {
    /// ListUserPools.
    package let listUserPools = CognitoOperation("ListUserPools", iamOn: \ListUserPoolsRequest.noPool) {
        (s, r: ListUserPoolsRequest) throws(CognitoError) -> ListUserPoolsResponse in try await s.listUserPools(r)
    }
    /// DescribeUserPool.
    package let describeUserPool = CognitoOperation("DescribeUserPool", iamOn: \DescribeUserPoolRequest.UserPoolId) {
        (s, r: DescribeUserPoolRequest) throws(CognitoError) -> JSONDocument in try await s.describeUserPool(r)
    }
    /// ListUserPoolClients.
    package let listUserPoolClients = CognitoOperation("ListUserPoolClients", iamOn: \ListUserPoolClientsRequest.UserPoolId) {
        (s, r: ListUserPoolClientsRequest) throws(CognitoError) -> ListUserPoolClientsResponse in try await s.listUserPoolClients(r)
    }
    /// DescribeUserPoolClient.
    package let describeUserPoolClient = CognitoOperation("DescribeUserPoolClient", iamOn: \DescribeUserPoolClientRequest.UserPoolId) {
        (s, r: DescribeUserPoolClientRequest) throws(CognitoError) -> JSONDocument in try await s.describeUserPoolClient(r)
    }
    /// CreateUserPool.
    package let createUserPool = CognitoOperation("CreateUserPool", iamOn: \CreateUserPoolRequest.noPool) {
        (s, r: CreateUserPoolRequest) throws(CognitoError) -> JSONDocument in try await s.createUserPool(r)
    }
    /// UpdateUserPool.
    package let updateUserPool = CognitoOperation("UpdateUserPool", iamOn: \UpdateUserPoolRequest.userPoolID) {
        (s, r: UpdateUserPoolRequest) throws(CognitoError) -> EmptyResponse in try await s.updateUserPool(r)
    }
    /// DeleteUserPool.
    package let deleteUserPool = CognitoOperation("DeleteUserPool", iamOn: \DeleteUserPoolRequest.UserPoolId) {
        (s, r: DeleteUserPoolRequest) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPool(r)
    }
    /// CreateUserPoolClient.
    package let createUserPoolClient = CognitoOperation(
        "CreateUserPoolClient",
        iamOn: \CreateUserPoolClientRequest.userPoolID
    ) { (s, r: CreateUserPoolClientRequest) throws(CognitoError) -> JSONDocument in try await s.createUserPoolClient(r) }
    /// UpdateUserPoolClient.
    package let updateUserPoolClient = CognitoOperation(
        "UpdateUserPoolClient",
        iamOn: \UpdateUserPoolClientRequest.userPoolID
    ) { (s, r: UpdateUserPoolClientRequest) throws(CognitoError) -> JSONDocument in try await s.updateUserPoolClient(r) }
    /// DeleteUserPoolClient.
    package let deleteUserPoolClient = CognitoOperation("DeleteUserPoolClient", iamOn: \DeleteUserPoolClientRequest.UserPoolId) {
        (s, r: DeleteUserPoolClientRequest) throws(CognitoError) -> EmptyResponse in try await s.deleteUserPoolClient(r)
    }
}
