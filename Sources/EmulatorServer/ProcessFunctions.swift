import Foundation
import LambdaEmulator
import LambdaService
import Logging
import Provisioning
import ServerlessConfig

/// How the functions without a Swift closure run: a command line each, or why the emulator cannot start
/// one by itself (it loads all the same; its invocations fail with the reason).
struct Launches: Sendable {
    /// The command line of each function that runs out of process, by key.
    var commands: [String: [String]] = [:]
    /// Why the emulator cannot start a function, by key.
    var unstartable: [String: String] = [:]
}

/// How each function without a Swift closure runs out of process: its launch plan from serverless.yml
/// and `custom.emulate`, its environment (the emulator's own, minus AWS credentials, under the
/// function's), and the pool that runs its processes.
enum ProcessFunctions {
    /// Where the emulator writes the files it ships (the Node runtime's bootstrap).
    static var supportDirectory: String { NSTemporaryDirectory() + "emulate-support-\(getuid())" }

    /// The command line of `definition`, or why it cannot run.
    static func plan(_ definition: FunctionDefinition, service: ServerlessService) -> Result<[String], LaunchError> {
        launchPlan(definition, service: service).arguments()
    }

    /// What `definition`'s command line needs that this machine does not have yet, or nil.
    static func missing(_ definition: FunctionDefinition, service: ServerlessService, arguments: [String]) -> String? {
        launchPlan(definition, service: service).missing(in: arguments)
    }

    private static func launchPlan(_ definition: FunctionDefinition, service: ServerlessService) -> LaunchPlan {
        let command: LaunchPlan.Command? =
            switch definition.command {
            case .arguments(let list)?: .arguments(list)
            case .shell(let text)?: .shell(text)
            case nil: nil
            }
        return LaunchPlan(
            key: definition.key,
            runtime: definition.runtime,
            handler: definition.handler,
            command: command,
            artifact: definition.artifact,
            serviceDirectory: service.directory,
            supportDirectory: supportDirectory
        )
    }

    /// The pool that runs `definition`'s processes.
    static func pool(_ definition: FunctionDefinition, arguments: [String], service: ServerlessService, logger: Logger) -> ProcessPool {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment.merge(definition.environment) { _, own in own }
        let perProcess = definition.environment["AWS_LAMBDA_MAX_CONCURRENCY"].flatMap { Int($0) }.map { max(1, $0) } ?? 1
        let launch = FunctionLaunch(
            key: definition.key,
            arn: definition.arn.description,
            timeout: Double(definition.timeout),
            arguments: arguments,
            directory: service.directory,
            environment: environment,
            maxInstances: definition.reservedConcurrency ?? LaunchPlan.defaultMaxInstances,
            perProcessConcurrency: perProcess,
            memorySize: definition.memorySize
        )
        return ProcessPool(launch: launch, logger: logger)
    }
}
