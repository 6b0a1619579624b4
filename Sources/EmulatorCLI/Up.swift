import ArgumentParser
import EmulatorServer
import Foundation
import Logging
import ServerlessConfig

extension Emulate {
    /// `emulate up`: serves the service until interrupted.
    struct Up: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the service offline: the Cognito endpoint (AWS JSON 1.1, JWKS) and the API.",
            discussion: "Prints the routes, pools and clients, then one line starting with 'ready' once every listener "
                + "accepts connections (and writes --ready-file). SIGINT or SIGTERM drains in-flight requests and exits 0."
        )

        @OptionGroup var config: ConfigOptions

        @Option(help: "The address to listen on (loopback unless you ask otherwise).")
        var host = "127.0.0.1"

        @Option(help: "The API Gateway port; 0 picks a free port (default: custom.serverless-offline.httpPort, else 3000).")
        var port: Int?

        @Option(name: .customLong("cognito-port"), help: "The Cognito endpoint port (AWS JSON, JWKS, /_emulate); 0 picks a free port.")
        var cognitoPort = 9229

        @Option(
            name: .customLong("lambda-port"),
            help:
                "The Lambda Invoke API port (/2015-03-31/functions/…); 0 picks a free port (default: custom.serverless-offline.lambdaPort, else 3002)."
        )
        var lambdaPort: Int?

        @OptionGroup var state: StateOptions

        @Option(name: .customLong("ready-file"), help: "Write the URLs, pools, clients and routes as JSON here once ready.")
        var readyFile: String?

        @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay idle before it is closed.")
        var idleTimeout: Double = 60

        @Flag(name: .customLong("allow-missing-handlers"), help: "Start even when a function has no Swift handler; its routes answer 502.")
        var allowMissingHandlers = false

        @Option(name: .customLong("console-size"), help: "How many requests and invocations the console at /_emulate/console/ keeps.")
        var consoleSize = 500

        @Flag(help: "Watch serverless.yml and the code: reload the one (state kept), restart out-of-process functions for the other.")
        var watch = false

        @Option(help: "With --watch: run this first (by /bin/sh, in the service folder); a failure keeps the old version.")
        var build: String?

        func validate() throws {
            if build != nil, !watch { throw ValidationError("--build needs --watch") }
            guard [port, cognitoPort, lambdaPort].allSatisfy({ $0.map((0...65535).contains) ?? true }) else {
                throw ValidationError("ports must be between 0 and 65535")
            }
            guard (1...100_000).contains(consoleSize) else { throw ValidationError("--console-size must be between 1 and 100000") }
            guard idleTimeout > 0, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be between 0 and 86400 seconds") }
        }

        func run() async throws {
            if !["127.0.0.1", "localhost", "::1"].contains(host) {
                printError(
                    "warning: listening on \(host): the API, the Cognito endpoint and /_emulate (outbox, clock) are reachable from other machines, without authentication"
                )
            }
            let emulator = try await config.prepare { options in
                options.host = host
                options.apiPort = port
                options.cognitoPort = cognitoPort
                options.lambdaPort = lambdaPort
                state.apply(to: &options)
                options.readyFile = readyFile
                options.allowMissingHandlers = allowMissingHandlers
                options.idleTimeoutSeconds = idleTimeout
                options.consoleCapacity = consoleSize
                let environment = ProcessInfo.processInfo.environment
                options.colorStatus = isatty(STDERR_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
                options.watch = watch
                options.buildCommand = build
                options.onExecutableRebuilt = { api, cognito, lambda in Reexec.run(api: api, cognito: cognito, lambda: lambda) }
            }
            if watch, build != nil, state.inMemory {
                printError("warning: --in-memory state does not survive the restart after a build that changes this executable")
            }
            do {
                try await emulator.run { ready in
                    printOutput(Self.banner(ready))
                    printOutput(
                        "ready api=\(ready.api ?? "-")\(ready.httpApi.map { " httpApi=\($0)" } ?? "") cognito=\(ready.cognito)"
                            + (ready.lambda.map { " lambda=\($0)" } ?? "") + (ready.console.map { " console=\($0)" } ?? "")
                    )
                }
            } catch {
                if "\(error)".contains("Address already in use") {
                    let service = emulator.service
                    let apiPort = port ?? service.offline.httpPort ?? EmulatorOptions.defaultAPIPort
                    let lambdaPort = lambdaPort ?? service.offline.lambdaPort ?? EmulatorOptions.defaultLambdaPort
                    printError(
                        "emulate up: a port is already in use (--port \(apiPort), --cognito-port \(cognitoPort), --lambda-port \(lambdaPort)); "
                            + "stop what listens there, choose other ports, or pass 0 for free ones"
                    )
                } else {
                    printError("emulate up: \(error)")
                }
                throw ExitCode(1)
            }
        }

        /// What `up` prints before `ready`: the routes, the pools and clients, the identity pools and the
        /// functions, each a table whose columns line up, and the developer credentials.
        static func banner(_ ready: ReadyInfo) -> String {
            var lines: [String] = []
            if !ready.routes.isEmpty {
                lines.append("Routes")
                lines += TextTable(
                    header: ["METHOD", "URL", "FUNCTION", "AUTHORIZER"],
                    rows: ready.routes.map { route in
                        let base = (route.api == "http" ? ready.httpApi : ready.api) ?? "(API listener not running)"
                        return [route.method, base + (route.path == "*" ? "/*" : route.path), route.function, route.authorizer ?? "-"]
                    }
                ).lines(indent: "  ")
            }
            if !ready.userPools.isEmpty {
                lines.append("User pools")
                let rows = ready.userPools.sorted(by: { $0.key < $1.key }).flatMap { logicalID, pool in
                    let clients = pool.clients.sorted(by: { $0.key < $1.key })
                    guard !clients.isEmpty else { return [[logicalID, pool.id, "-", "-", pool.issuer]] }
                    return clients.enumerated().map { index, client in
                        index == 0 ? [logicalID, pool.id, client.key, client.value, pool.issuer] : ["", "", client.key, client.value, ""]
                    }
                }
                lines += TextTable(header: ["POOL", "ID", "CLIENT", "CLIENT ID", "ISSUER"], rows: rows).lines(indent: "  ")
            }
            if !ready.identityPools.isEmpty {
                lines.append("Identity pools")
                lines += TextTable(header: ["POOL", "ID"], rows: ready.identityPools.sorted(by: { $0.key < $1.key }).map { [$0.key, $0.value] })
                    .lines(indent: "  ")
            }
            if !ready.functions.isEmpty {
                lines.append("Functions")
                lines += TextTable(
                    header: ["FUNCTION", "NAME", "RUNS"],
                    rows: ready.functions.sorted(by: { $0.key < $1.key }).map { [$0.key, $0.value.name, $0.value.runs] }
                ).lines(indent: "  ")
            }
            lines.append(
                "Developer credentials (full access): AWS_ACCESS_KEY_ID=\(ready.credentials.accessKeyId) AWS_SECRET_ACCESS_KEY=\(ready.credentials.secretAccessKey)"
            )
            return lines.joined(separator: "\n")
        }
    }
}
