/// User import jobs from CSV files (all authorized by IAM).
public struct UserImport: CognitoOperationFamily {
    /// CreateUserImportJob.
    public let createUserImportJob = CognitoOperation("CreateUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createUserImportJob(r)
    }
    /// StartUserImportJob.
    public let startUserImportJob = CognitoOperation("StartUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.startUserImportJob(r)
    }
    /// DescribeUserImportJob.
    public let describeUserImportJob = CognitoOperation("DescribeUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeUserImportJob(r)
    }
    /// StopUserImportJob.
    public let stopUserImportJob = CognitoOperation("StopUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.stopUserImportJob(r)
    }
    /// ListUserImportJobs.
    public let listUserImportJobs = CognitoOperation("ListUserImportJobs", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listUserImportJobs(r)
    }
}

extension CognitoCalling {
    /// CreateUserImportJob.
    public func createUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.createUserImportJob, request)
    }

    /// StartUserImportJob.
    public func startUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.startUserImportJob, request)
    }

    /// DescribeUserImportJob.
    public func describeUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.describeUserImportJob, request)
    }

    /// StopUserImportJob.
    public func stopUserImportJob(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.stopUserImportJob, request)
    }

    /// ListUserImportJobs.
    public func listUserImportJobs(_ request: JSONDocument) async throws(CognitoError) -> JSONDocument {
        try await call(CognitoOperations.userImport.listUserImportJobs, request)
    }
}
