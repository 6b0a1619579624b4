import ArgumentParser
import CognitoEmulator
import EmulatorServer
import Foundation
import ServerlessConfig

/// The options every command that reads serverless.yml shares.
struct ConfigOptions: ParsableArguments {
    @Argument(help: "The service configuration file.")
    var config: String = "serverless.yml"

    @Option(help: "The stage (overrides provider.stage; answers ${opt:stage}).")
    var stage: String?

    @Option(help: "The region (overrides provider.region; answers ${opt:region}).")
    var region: String?

    @Option(name: .customLong("param"), help: "A value for ${param:KEY}, as KEY=VALUE (repeatable; wins over the configuration's params).")
    var params: [String] = []

    @Option(help: "Offline values for ${ssm:}, ${s3:}, ${cf:}, ${env:}, ${file()}… by variable text (default: .emulate/values.yml beside CONFIG).")
    var values: String?

    @Flag(help: "Treat every warning as an error (for CI).")
    var strict = false

    func validate() throws {
        for param in params where !param.contains("=") || param.hasPrefix("=") {
            throw ValidationError("--param takes KEY=VALUE, not '\(param)'")
        }
    }

    /// `--param`s as a map.
    var paramValues: [String: String] {
        Dictionary(
            params.map { param in
                let parts = param.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            },
            uniquingKeysWith: { _, last in last }
        )
    }

    /// The options these flags give the emulator.
    var emulatorOptions: EmulatorOptions {
        var options = EmulatorOptions()
        options.stage = stage
        options.region = region
        options.environment = ProcessInfo.processInfo.environment
        options.params = paramValues
        options.valuesFile = values
        options.strict = strict
        return options
    }

    /// Prepares the emulator for this configuration with the CLI's handlers, printing diagnostics and
    /// exiting 1 when it cannot start.
    func prepare(_ adjust: (inout EmulatorOptions) -> Void) async throws -> Emulator {
        var options = emulatorOptions
        adjust(&options)
        do {
            let emulator = try await Emulator.prepare(
                configPath: config,
                options: options,
                handlers: EmulatorCommandLine.handlers,
                logger: CommandLogging.bootstrap()
            )
            for warning in emulator.warnings { printError(warning.rendered) }
            return emulator
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Checks the configuration as `up` would (``Emulator/check(configPath:options:handlers:)``), printing
    /// warnings; on errors prints every diagnostic and a count, then exits 1.
    func check() throws -> (service: ServerlessService, warnings: [Diagnostic]) {
        let options = emulatorOptions
        do {
            let checked = try Emulator.check(configPath: config, options: options, handlers: EmulatorCommandLine.handlers)
            for warning in checked.warnings { printError(warning.rendered) }
            return checked
        } catch {
            throw failure(error.diagnostics)
        }
    }

    /// Loads the configuration, printing warnings to standard error; on errors prints every
    /// diagnostic and a count, then exits 1.
    func load() throws -> ConfigLoader.Loaded {
        do throws(ConfigLoadError) {
            let loaded = try ConfigLoader.load(path: config, options: emulatorOptions.loadOptions)
            if strict, !loaded.warnings.isEmpty { throw ConfigLoadError(diagnostics: loaded.warnings.map(\.escalated)) }
            for warning in loaded.warnings { printError(warning.rendered) }
            return loaded
        } catch {
            throw failure(error.diagnostics)
        }
    }
}

extension ConfigOptions {
    /// Prints every diagnostic and a count of errors and warnings; the exit status to throw.
    func failure(_ diagnostics: [Diagnostic]) -> ExitCode {
        for diagnostic in diagnostics { printError(diagnostic.rendered) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        printError("\(config): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return ExitCode(1)
    }
}

/// Where state lives, for the commands that open it (`up`, `invoke`).
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "Where the SQLite state lives (default: .emulate/ beside CONFIG).")
    var stateDirectory: String?

    @Flag(name: .customLong("in-memory"), help: "Keep all state in memory; write no file.")
    var inMemory = false

    @Flag(name: .customLong("strict-credentials"), help: "Refuse SigV4 signatures by keys the emulator did not issue.")
    var strictCredentials = false

    @Option(help: "How tokens name their issuer: local (http://HOST:PORT/<poolId>) or aws (https://cognito-idp.<region>.amazonaws.com/<poolId>).")
    var issuer = IssuerStyle.local.rawValue

    func validate() throws {
        if inMemory, stateDirectory != nil { throw ValidationError("--in-memory and --state-dir cannot be used together") }
        guard IssuerStyle(rawValue: issuer) != nil else { throw ValidationError("--issuer must be local or aws") }
    }

    /// Sets the options' state location.
    func apply(to options: inout EmulatorOptions) {
        options.stateDirectory = stateDirectory
        options.inMemory = inMemory
        options.issuerStyle = IssuerStyle(rawValue: issuer) ?? .local
        options.strictCredentials = strictCredentials
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes a line to standard output at once (unbuffered, so scripts waiting for it see it).
func printOutput(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
