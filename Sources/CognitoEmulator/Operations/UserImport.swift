/// User import jobs from CSV files (all authorized by IAM).
package struct UserImport: CognitoOperationFamily {
    /// CreateUserImportJob.
    package let createUserImportJob = CognitoOperation("CreateUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.createUserImportJob(r)
    }
    /// StartUserImportJob.
    package let startUserImportJob = CognitoOperation("StartUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.startUserImportJob(r)
    }
    /// DescribeUserImportJob.
    package let describeUserImportJob = CognitoOperation("DescribeUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.describeUserImportJob(r)
    }
    /// StopUserImportJob.
    package let stopUserImportJob = CognitoOperation("StopUserImportJob", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.stopUserImportJob(r)
    }
    /// ListUserImportJobs.
    package let listUserImportJobs = CognitoOperation("ListUserImportJobs", iamOn: \JSONDocument.userPoolID) {
        (s, r: JSONDocument) throws(CognitoError) -> JSONDocument in try await s.listUserImportJobs(r)
    }
}
