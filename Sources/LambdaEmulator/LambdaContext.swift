import CognitoEmulator
public import EmulatorCore
public import Logging

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// What a handler knows about its invocation, as Lambda's context object: request ID, function,
/// deadline, a logger tagged with the request ID, the function's environment and AWS clients.
public struct LambdaContext: Sendable {
    /// The invocation's request ID (a UUID, as Lambda's).
    public let requestID: String
    /// The deployed function name (`<service>-<stage>-<key>`).
    public let functionName: String
    /// `$LATEST`.
    public let functionVersion: String
    /// The function's ARN.
    public let invokedFunctionARN: String
    /// The configured memory in MB.
    public let memoryLimitInMB: Int
    /// When the function times out.
    public let deadline: Date
    /// A logger whose metadata carries the request ID.
    public let logger: Logger
    /// The function's environment: provider and function variables (intrinsics resolved) and Lambda's `AWS_*` variables.
    public let environment: [String: String]
    /// AWS clients that talk to the emulator in process, under the function's IAM statements.
    public let aws: AWSClients
    /// The clock the deadline is on (the emulator's, which `POST /_emulate/clock` moves).
    let clock: any TimeSource

    /// Creates a context.
    /// - Parameter clock: The clock `deadline` is on; the wall clock when nil.
    public init(
        requestID: String,
        functionName: String,
        functionVersion: String = "$LATEST",
        invokedFunctionARN: String,
        memoryLimitInMB: Int,
        deadline: Date,
        logger: Logger,
        environment: [String: String],
        aws: AWSClients,
        clock: (any TimeSource)? = nil
    ) {
        self.clock = clock ?? EmulatorClock()
        self.requestID = requestID
        self.functionName = functionName
        self.functionVersion = functionVersion
        self.invokedFunctionARN = invokedFunctionARN
        self.memoryLimitInMB = memoryLimitInMB
        self.deadline = deadline
        self.logger = logger
        self.environment = environment
        self.aws = aws
    }

    /// Time left before the function times out.
    public var remainingTime: TimeInterval { deadline.timeIntervalSince1970 - clock.now }
}

/// The AWS clients a handler gets: in-process clients of the emulated services.
public struct AWSClients: Sendable {
    /// Cognito user pools, as `CognitoIdentityProviderClient` would reach them.
    public let cognito: CognitoClient

    /// Creates the clients.
    public init(cognito: CognitoClient) {
        self.cognito = cognito
    }
}
