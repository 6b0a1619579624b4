import Foundation

/// How to start one function's processes: the command, where, with what environment, and how many.
public struct FunctionLaunch: Sendable {
    /// The key under `functions`.
    public var key: String
    /// The function's ARN (`Lambda-Runtime-Invoked-Function-Arn`).
    public var arn: String
    /// The timeout in seconds.
    public var timeout: Double
    /// The memory size in MB: the most resident memory the process and its children may hold.
    public var memorySize: Int
    /// The command and its arguments (an absolute path or one looked up in `PATH`).
    public var arguments: [String]
    /// The working directory (the service's).
    public var directory: String
    /// The whole environment the process gets.
    public var environment: [String: String]
    /// How many processes may run at once: the reserved concurrency, else 10.
    public var maxInstances: Int
    /// How many invocations one process takes at once: `AWS_LAMBDA_MAX_CONCURRENCY` if the function sets it, else 1.
    public var perProcessConcurrency: Int

    /// Creates a launch.
    public init(
        key: String,
        arn: String,
        timeout: Double,
        arguments: [String],
        directory: String,
        environment: [String: String],
        maxInstances: Int,
        perProcessConcurrency: Int,
        memorySize: Int = 1024
    ) {
        self.key = key
        self.arn = arn
        self.timeout = timeout
        self.memorySize = memorySize
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.maxInstances = maxInstances
        self.perProcessConcurrency = perProcessConcurrency
    }
}

/// What decides how a function without a Swift closure runs, as Lambda would run its runtime.
public struct LaunchPlan: Sendable {
    /// Lambda's default concurrency limit for one function here (an account's is 1,000; a laptop's is less).
    public static let defaultMaxInstances = 10

    /// The function's key, for messages.
    public var key: String
    /// `runtime` (`provided.al2023`, `python3.12`, `nodejs20.x`, …).
    public var runtime: String?
    /// The handler string.
    public var handler: String
    /// `custom.emulate.functions.<key>.command`: an argv list, or one string run by `/bin/sh`.
    public var command: Command?
    /// The function's `package.artifact` (a zip with a `bootstrap` at its root), when it has one.
    public var artifact: String?
    /// The service's directory.
    public var serviceDirectory: String
    /// Where the emulator keeps files it ships (the Node bootstrap).
    public var supportDirectory: String

    /// A command as written.
    public enum Command: Sendable, Equatable {
        /// A list: the program and its arguments.
        case arguments([String])
        /// A string, run by `/bin/sh -c` (so `swift run MyLambda` and quoting work).
        case shell(String)
    }

    /// Creates a plan.
    public init(
        key: String,
        runtime: String?,
        handler: String,
        command: Command?,
        artifact: String?,
        serviceDirectory: String,
        supportDirectory: String
    ) {
        self.key = key
        self.runtime = runtime
        self.handler = handler
        self.command = command
        self.artifact = artifact
        self.serviceDirectory = serviceDirectory
        self.supportDirectory = supportDirectory
    }

    /// The command line, or why the function cannot run.
    public func arguments() -> Result<[String], LaunchError> {
        switch command {
        case .shell(let text)?: return .success(["/bin/sh", "-c", "exec \(text)"])
        case .arguments(let list)?:
            guard var program = list.first, !program.isEmpty else { return .failure(LaunchError("the command of function '\(key)' is empty")) }
            if program.contains("/"), !program.hasPrefix("/") { program = serviceDirectory + "/" + program }
            return .success([program] + list.dropFirst())
        case nil: break
        }
        if handler.isEmpty {
            return .failure(
                LaunchError(
                    "function '\(key)' has no handler: a function deployed as a container image (image:) does not run offline; "
                        + "set custom.emulate.functions.\(key).command to run its code",
                    deferred: true
                )
            )
        }
        let runtime = self.runtime ?? "provided.al2023"
        if runtime.hasPrefix("provided") {
            if let artifact {
                return ArtifactBootstrap.unpack(artifact, key: key, serviceDirectory: serviceDirectory, into: supportDirectory).map { [$0] }
            }
            return .failure(
                LaunchError(
                    "function '\(key)' (runtime \(runtime)) has no Swift handler registered for '\(handler)' and nothing to run out of process: "
                        + "set custom.emulate.functions.\(key).command to its executable (e.g. [.build/debug/MyLambda] or 'swift run MyLambda'), "
                        + "or package.artifact to a zip with a bootstrap"
                )
            )
        }
        if runtime == "go1.x" {
            // aws-lambda-go speaks the Runtime API when AWS_LAMBDA_RUNTIME_API is set; the handler names the executable.
            if let artifact {
                return ArtifactBootstrap.unpack(artifact, executable: handler, key: key, serviceDirectory: serviceDirectory, into: supportDirectory)
                    .map { [$0] }
            }
            return .success([handler.hasPrefix("/") ? handler : serviceDirectory + "/" + handler])
        }
        if runtime.hasPrefix("python") {
            let version = runtime.dropFirst("python".count)
            let interpreter = Self.onPath("python\(version)") ? "python\(version)" : "python3"
            return .success([interpreter, "-m", "awslambdaric", handler])
        }
        if runtime.hasPrefix("nodejs") {
            return NodeBootstrap.install(in: supportDirectory).map { ["node", $0, handler] }
        }
        if runtime.hasPrefix("ruby") {
            return .success(["aws_lambda_ric", handler])  // the Ruby runtime interface client (gem aws_lambda_ric)
        }
        return .failure(
            LaunchError(
                "function '\(key)': runtime \(runtime) does not run out of process here; set custom.emulate.functions.\(key).command, "
                    + "or register a Swift handler for '\(handler)'",
                deferred: true
            )
        )
    }

    /// What the command needs that this machine does not have yet — a program not built, a runtime
    /// interface client not installed —, or nil. The function loads; its invocations fail until it is there.
    public func missing(in arguments: [String]) -> String? {
        guard let program = arguments.first, command == nil else { return nil }
        if program.hasPrefix("/") {
            guard !FileManager.default.isExecutableFile(atPath: program) else { return nil }
            let shown = program.hasPrefix(serviceDirectory + "/") ? String(program.dropFirst(serviceDirectory.count + 1)) : program
            return runtime == "go1.x"
                ? "function '\(key)' (runtime go1.x): its handler '\(shown)' is not built yet (GOOS=linux go build -o \(shown) …); invocations fail until it is"
                : "function '\(key)': '\(shown)' is not an executable yet; invocations fail until it is"
        }
        guard !Self.onPath(program) else { return nil }
        let install =
            switch program {
            case "aws_lambda_ric": "the Ruby runtime interface client (gem install aws_lambda_ric)"
            case "node": "Node.js (apt-get install nodejs)"
            default: "'\(program)'"
            }
        return "function '\(key)' (runtime \(runtime ?? "")) runs with \(install), which is not installed; invocations fail until it is"
    }

    /// Whether `program` is an executable in `PATH`.
    static func onPath(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}

/// Why a function cannot be run.
public struct LaunchError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public let description: String
    /// Whether the configuration is fine but the emulator cannot start the function by itself (a runtime it
    /// does not run, a container image, an artifact not built yet): the service loads with a warning, and
    /// the function's invocations fail with this error. Otherwise the configuration is wrong for offline use.
    public let isDeferred: Bool
    init(_ description: String, deferred: Bool = false) {
        self.description = description
        isDeferred = deferred
    }
}
