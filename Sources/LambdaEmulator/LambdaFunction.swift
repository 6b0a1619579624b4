/// A function ready to invoke: its configuration from serverless.yml, its environment with
/// intrinsics resolved, its IAM policy, and what runs it: a Swift handler in process, or a process over
/// the Runtime API.
public struct LambdaFunction: Sendable {
    /// The key under `functions`.
    public let key: String
    /// The deployed name.
    public let name: String
    /// The handler string.
    public let handlerName: String
    /// `runtime`, if given.
    public let runtime: String?
    /// `description`.
    public let description: String
    /// The execution role's ARN.
    public let roleARN: String
    /// `arn:aws:lambda:<region>:<account>:function:<name>`.
    public let arn: String
    /// The timeout in seconds.
    public let timeout: Double
    /// The memory size in MB.
    public let memorySize: Int
    /// The environment the handler sees.
    public let environment: [String: String]
    /// The Swift handler, when one is registered: the function runs in process.
    public let handler: AnyLambdaHandler?
    /// What runs the function out of process when no Swift handler is registered (nil: nothing can run it).
    public let process: (any FunctionProcessRunner)?
    /// The Cognito client under the function's role.
    public let cognito: CognitoClient

    /// Creates a function.
    public init(
        key: String,
        name: String,
        handlerName: String,
        runtime: String? = nil,
        description: String = "",
        roleARN: String = "",
        arn: String,
        timeout: Double,
        memorySize: Int,
        environment: [String: String],
        handler: AnyLambdaHandler?,
        process: (any FunctionProcessRunner)? = nil,
        cognito: CognitoClient
    ) {
        self.key = key
        self.name = name
        self.handlerName = handlerName
        self.runtime = runtime
        self.description = description
        self.roleARN = roleARN
        self.arn = arn
        self.timeout = timeout
        self.memorySize = memorySize
        self.environment = environment
        self.handler = handler
        self.process = process
        self.cognito = cognito
    }
}

/// The variables Lambda itself puts in a function's environment (GetFunction shows only the others).
public enum LambdaEnvironment {
    /// Their names.
    public static let reserved: Set<String> = [
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_EXECUTION_ENV", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
        "_HANDLER", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "AWS_ENDPOINT_URL_LAMBDA",
        "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL_COGNITO_IDENTITY", "AWS_ENDPOINT_URL_STS",
    ]
}
