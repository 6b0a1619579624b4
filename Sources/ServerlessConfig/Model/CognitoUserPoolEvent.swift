public import YAML

/// A `cognitoUserPool` event: the function becomes the trigger of a pool.
/// See https://www.serverless.com/framework/docs/providers/aws/events/cognito-user-pool
public struct CognitoUserPoolEvent: Sendable {
    /// The triggers Cognito has (the Serverless Framework's list).
    public static let triggers: Set<String> = [
        "PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "PreTokenGeneration", "CustomMessage",
        "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse", "UserMigration", "CustomSMSSender", "CustomEmailSender",
    ]

    /// `pool`: the pool's `UserPoolName`.
    public var pool: String
    /// `trigger` (`PreSignUp`, …).
    public var trigger: String
    /// `existing: true`: the pool is created outside this service.
    public var existing: Bool
    /// Where the event is declared.
    public var mark: Mark

    /// The logical ID the Serverless Framework gives a pool it creates for the event:
    /// `CognitoUserPool` + the name's letters and digits, capitalised.
    public var poolLogicalID: String {
        let alphanumeric = String(pool.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) })
        return "CognitoUserPool" + alphanumeric.prefix(1).uppercased() + alphanumeric.dropFirst()
    }
}
