import APIGatewayEmulator
import ArgumentParser
public import LambdaEmulator
import NIOConcurrencyHelpers

/// The `emulate` command line as a library, so a project's own executable can reuse it with its
/// own handlers.
///
/// ```swift
/// // Sources/my-emulate/main.swift
/// import EmulatorCLI
/// var handlers = HandlerRegistry()
/// handlers.register("src/hello.handler") { (event: APIGatewayProxyRequest, context) in
///     APIGatewayProxyResponse(statusCode: 200, body: "hello")
/// }
/// await EmulatorCommandLine.main(handlers: handlers)
/// ```
public enum EmulatorCommandLine {
    /// The emulator's version.
    public static let version = "0.1.0"

    private static let registered = NIOLockedValueBox(HandlerRegistry())

    /// The handlers the commands use: the ones given to ``main(handlers:)`` plus `emulate/echo.handler`.
    static var handlers: HandlerRegistry {
        var all = HandlerRegistry()
        EchoHandler.register(in: &all)
        all.merge(registered.withLockedValue { $0 })
        return all
    }

    /// Parses the process arguments, runs the command with `handlers` and exits with its status.
    public static func main(handlers: HandlerRegistry = HandlerRegistry()) async {
        registered.withLockedValue { $0 = handlers }
        await Emulate.main()
    }
}

/// `emulate`: runs a Serverless Framework service offline.
struct Emulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run a Serverless Framework service (serverless.yml) offline: API Gateway, Swift Lambda handlers and Cognito.",
        version: EmulatorCommandLine.version,
        subcommands: [Up.self, Cognito.self, Validate.self, Routes.self, Print.self, Invoke.self, Smoke.self]
    )
}
