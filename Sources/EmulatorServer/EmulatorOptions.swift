public import CognitoEmulator
public import ServerlessConfig

/// How `emulate up` runs: where it listens, which stage, where state lives.
public struct EmulatorOptions: Sendable {
    /// The address both listeners bind (loopback unless asked otherwise).
    public var host: String = "127.0.0.1"
    /// The API Gateway port; 0 picks a free one; nil: `custom.serverless-offline.httpPort`, else 3000.
    public var apiPort: Int?
    /// The Cognito port; 0 picks a free one.
    public var cognitoPort: Int = 9229
    /// The Lambda Invoke API's port (`--lambda-port`); 0 picks a free one; nil:
    /// `custom.serverless-offline.lambdaPort`, else 3002.
    public var lambdaPort: Int?
    /// The API port when neither `--port` nor `custom.serverless-offline.httpPort` gives one.
    public static let defaultAPIPort = 3000
    /// The Lambda port when neither `--lambda-port` nor `custom.serverless-offline.lambdaPort` gives one.
    public static let defaultLambdaPort = 3002
    /// `--stage`.
    public var stage: String?
    /// `--region`.
    public var region: String?
    /// Where the SQLite state lives; nil means `.emulate/` beside the configuration.
    public var stateDirectory: String?
    /// Keep everything in memory; write no file.
    public var inMemory: Bool = false
    /// Where to write the ready file once both listeners accept connections.
    public var readyFile: String?
    /// Answer 502 at request time for functions with no registered Swift handler instead of refusing to start.
    public var allowMissingHandlers: Bool = false
    /// `--strict`: every warning is an error (for CI).
    public var strict: Bool = false
    /// Seconds a connection may stay idle — sending nothing, half a request, or nothing after an answer — before it is closed.
    public var idleTimeoutSeconds: Double = 60
    /// Refuse SigV4 keys the emulator did not issue (`--strict-credentials`).
    public var strictCredentials: Bool = false
    /// How tokens' `iss` is written (`--issuer`).
    public var issuerStyle: IssuerStyle = .local
    /// The environment `${env:}` reads.
    public var environment: [String: String] = [:]
    /// `--param KEY=VALUE`s: `${param:KEY}` before the configuration's `params`.
    public var params: [String: String] = [:]
    /// `--values FILE`: offline values for variables by their text.
    public var valuesFile: String?
    /// How many requests and invocations the local console keeps (`--console-size`).
    public var consoleCapacity: Int = 500
    /// Colour the status of each request line (on a terminal that has not asked for `NO_COLOR`).
    public var colorStatus: Bool = false

    /// What loading serverless.yml takes of these options.
    public var loadOptions: LoadOptions {
        var load = LoadOptions(stage: stage, region: region, environment: environment)
        load.params = params
        load.valuesFile = valuesFile
        return load
    }
    /// Watch the configuration and the service's code (`--watch`): reload the one, restart the functions
    /// that run out of process for the other.
    public var watch: Bool = false
    /// Run this (by `/bin/sh -c`, in the service directory) before each reload (`--build`); a failure keeps the old version.
    public var buildCommand: String?
    /// Called when a build changed the emulator's own executable (its in-process handlers): the CLI
    /// re-executes itself with the ports bound (passed in) and the same state.
    public var onExecutableRebuilt: (@Sendable (_ api: Int, _ cognito: Int, _ lambda: Int?) async -> Void)?

    /// Default options.
    public init() {}
}
