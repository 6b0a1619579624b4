public import YAML

/// One entry of `functions`.
/// See https://www.serverless.com/framework/docs/providers/aws/guide/functions
public struct Function: Sendable {
    /// The key under `functions` (`signupUser`).
    public var key: String
    /// `handler` (`user/signup.handler`).
    public var handler: String
    /// `name`, or the Serverless default `<service>-<stage>-<key>`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `runtime`, or the provider's.
    public var runtime: String?
    /// `timeout` in seconds: the function's, else the provider's, else 6.
    public var timeout: Int
    /// `memorySize` in MB: the function's, else the provider's, else 1024.
    public var memorySize: Int
    /// `environment`, the function's own (merge with the provider's to get what it sees).
    public var environment: [EnvironmentVariable]
    /// `events`.
    public var events: [FunctionEvent]
    /// `reservedConcurrency`, if given.
    public var reservedConcurrency: Int? = nil
    /// `package.artifact` (the function's, else the service's), relative to the service directory.
    public var artifact: String? = nil
    /// `custom.emulate.functions.<key>.command`: what runs the function out of process, when given.
    public var command: FunctionCommand? = nil
    /// `role`: the function's own execution role (a logical ID of the stack's roles, an ARN, or an intrinsic), when given.
    public var role: CFValue? = nil
    /// Where the function is declared (its key).
    public var mark: Mark

    /// The CloudFormation logical ID the Serverless Framework gives the function (`SignupUserLambdaFunction`).
    public var logicalID: String { Self.normalizedName(key) + "LambdaFunction" }

    /// The Serverless Framework's normalisation for logical IDs: `-` → `Dash`, `_` → `Underscore`,
    /// first letter upper-cased.
    public static func normalizedName(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count + 8)
        for character in name {
            switch character {
            case "-": result += "Dash"
            case "_": result += "Underscore"
            default: result += result.isEmpty ? character.uppercased() : String(character)
            }
        }
        return result
    }
}

/// A command that runs a function (`custom.emulate.functions.<key>.command`).
public enum FunctionCommand: Sendable, Equatable {
    /// A list: the program and its arguments.
    case arguments([String])
    /// A string, run by `/bin/sh -c`.
    case shell(String)
}

/// One entry of a function's `events`.
public enum FunctionEvent: Sendable {
    /// `http`: a REST API route.
    case http(HTTPEvent)
    /// `httpApi`: an HTTP API route.
    case httpApi(HTTPAPIEvent)
    /// `cognitoUserPool`: a Cognito trigger.
    case cognitoUserPool(CognitoUserPoolEvent)
    /// `schedule`: a rate or cron schedule.
    case schedule(ScheduleEvent)
    /// Any other event (`schedule`, `sqs`, …), kept as written.
    case other(type: String, node: YAMLNode)
}
