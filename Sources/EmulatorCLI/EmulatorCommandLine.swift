public import ArgumentParser

/// The `emulate` command line as a library, so a project's own executable can reuse it.
///
/// ```swift
/// // Sources/my-emulate/main.swift
/// import EmulatorCLI
/// await EmulatorCommandLine.main()
/// ```
public enum EmulatorCommandLine {
    /// The emulator's version.
    public static let version = "0.1.0"

    /// Parses the process arguments, runs the command and exits with its status.
    public static func main() async {
        await Emulate.main()
    }

    /// Parses `arguments` (without the program name) and runs the command, for tests.
    /// - Throws: The command's error; use `Emulate.exitCode(for:)` to turn it into a status.
    public static func run(_ arguments: [String]) async throws {
        var command = try Emulate.parseAsRoot(arguments)
        if var command = command as? any AsyncParsableCommand {
            try await command.run()
        } else {
            try command.run()
        }
    }
}

/// `emulate`: runs a Serverless Framework service offline.
struct Emulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run a Serverless Framework service (serverless.yml) offline: API Gateway, Swift Lambda handlers and Cognito.",
        version: EmulatorCommandLine.version,
        subcommands: [Up.self, Validate.self, Routes.self]
    )
}
