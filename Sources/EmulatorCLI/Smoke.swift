import ArgumentParser
import EmulatorServer
import Foundation
import ServerlessConfig

extension Emulate {
    /// `emulate smoke`: boots the service in memory on free ports and checks it.
    struct Smoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Boot the service in memory on free ports and check every route of both APIs, or run a scenario; for CI.",
            discussion: "Without --scenario every route (REST and HTTP API) is called once: a protected route without credentials must be "
                + "refused (401), a public route must reach its handler. A scenario (YAML: steps with request, headers, json, "
                + "expect.status, expect.json fields and capture variables such as ${token}; or a Cognito operation by name, "
                + "cognito: SignUp or cognitoIdentity: GetId, with its json, expect.error and captures; ${PoolLogicalId} and "
                + "${ClientLogicalId} are their IDs) runs in order. One line per step, "
                + "a summary, and exit status 1 at the first failure with the answer's body shown."
        )

        @OptionGroup var config: ConfigOptions

        @Option(help: "A scenario file (YAML).")
        var scenario: String?

        func run() async throws {
            let scenario = try self.scenario.map { path in
                do { return try Scenario.load(path: path) } catch {
                    printError("\(error)")
                    throw ExitCode(1)
                }
            }
            if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { setenv("LOG_LEVEL", "warning", 1) }
            let emulator = try await config.prepare { options in
                options.apiPort = 0
                options.cognitoPort = 0
                options.lambdaPort = 0
                options.inMemory = true
            }
            let (readyStream, readyContinuation) = AsyncStream.makeStream(of: ReadyInfo.self)
            let (stopStream, stopContinuation) = AsyncStream.makeStream(of: Void.self)
            let server = Task {
                try await emulator.run(until: { for await _ in stopStream { return } }) { ready in readyContinuation.yield(ready) }
            }
            var iterator = readyStream.makeAsyncIterator()
            guard let ready = await iterator.next() else {
                printError("emulate smoke: the listeners did not start")
                throw ExitCode(1)
            }
            var runner = SmokeRunner(ready)
            let succeeded: Bool
            if let scenario {
                printOutput("scenario: \(scenario.name)")
                succeeded = await runner.run(scenario)
            } else {
                succeeded = await runner.checkRoutes(ready.routes)
            }
            printOutput("smoke: \(runner.passed) passed, \(runner.failed) failed")
            stopContinuation.finish()
            _ = await server.result
            if !succeeded { throw ExitCode(1) }
        }
    }
}
