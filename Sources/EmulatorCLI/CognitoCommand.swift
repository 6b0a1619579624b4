import ArgumentParser
import EmulatorServer
import Foundation
import Logging

extension Emulate {
    /// `emulate cognito`: the Cognito endpoint alone, without a serverless.yml.
    struct Cognito: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve only the Cognito endpoint (AWS JSON 1.1, JWKS, OpenID configuration, /_emulate), with no serverless.yml.",
            discussion: "For test suites that create their pools through the API, as with cognito-local or moto. --seed FILE creates "
                + "pools, clients, groups and users at start from YAML or JSON in AWS's member names (UserPools: [CreateUserPool "
                + "requests with Clients, Groups and Users]). Prints one line starting with 'ready' once listening."
        )

        @Option(help: "The address to listen on (loopback unless you ask otherwise).")
        var host = "127.0.0.1"

        @Option(help: "The port; 0 picks a free port.")
        var port = 9229

        @Option(help: "The region pool IDs and ARNs name.")
        var region = "us-east-1"

        @OptionGroup var state: StateOptions

        @Option(name: .customLong("ready-file"), help: "Write the URL, pools and clients as JSON here once ready.")
        var readyFile: String?

        @Option(help: "Create these pools, clients, groups and users at start (YAML or JSON).")
        var seed: String?

        @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay idle before it is closed.")
        var idleTimeout: Double = 60

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard idleTimeout > 0, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be between 0 and 86400 seconds") }
        }

        func run() async throws {
            var options = EmulatorOptions()
            options.host = host
            options.cognitoPort = port
            options.region = region
            options.readyFile = readyFile
            options.idleTimeoutSeconds = idleTimeout
            state.apply(to: &options)
            let logger = CommandLogging.bootstrap()
            do {
                let seeded = try seed.map { path throws(EmulatorError) in try CognitoSeed.load(path: path) }
                let server = try await CognitoServer.prepare(options: options, seed: seeded, logger: logger)
                try await server.run { ready in
                    for (name, pool) in ready.userPools.sorted(by: { $0.key < $1.key }) {
                        printOutput("User pool \(name): \(pool.id)  issuer \(pool.issuer)")
                        for (client, id) in pool.clients.sorted(by: { $0.key < $1.key }) { printOutput("  client \(client): \(id)") }
                    }
                    printOutput(
                        "Developer credentials (full access): AWS_ACCESS_KEY_ID=\(ready.credentials.accessKeyId) AWS_SECRET_ACCESS_KEY=\(ready.credentials.secretAccessKey)"
                    )
                    printOutput("ready cognito=\(ready.cognito)")
                }
            } catch {
                printError("emulate cognito: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
