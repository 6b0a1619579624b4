/// A function ready to invoke: its configuration from serverless.yml, its environment with
/// intrinsics resolved, its IAM policy, and its Swift handler (nil when none is registered).
public struct LambdaFunction: Sendable {
    /// The key under `functions`.
    public let key: String
    /// The deployed name.
    public let name: String
    /// The handler string.
    public let handlerName: String
    /// `arn:aws:lambda:<region>:<account>:function:<name>`.
    public let arn: String
    /// The timeout in seconds.
    public let timeout: Double
    /// The memory size in MB.
    public let memorySize: Int
    /// The environment the handler sees.
    public let environment: [String: String]
    /// The Swift handler.
    public let handler: AnyLambdaHandler?
    /// The Cognito client under the function's role.
    public let cognito: CognitoClient

    /// Creates a function.
    public init(
        key: String,
        name: String,
        handlerName: String,
        arn: String,
        timeout: Double,
        memorySize: Int,
        environment: [String: String],
        handler: AnyLambdaHandler?,
        cognito: CognitoClient
    ) {
        self.key = key
        self.name = name
        self.handlerName = handlerName
        self.arn = arn
        self.timeout = timeout
        self.memorySize = memorySize
        self.environment = environment
        self.handler = handler
        self.cognito = cognito
    }
}
