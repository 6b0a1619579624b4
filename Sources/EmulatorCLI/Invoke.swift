import ArgumentParser
import EmulatorServer
import Foundation
import LambdaEmulator

extension Emulate {
    /// `emulate invoke`: one invocation, no listeners.
    struct Invoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invoke one function with a JSON event and print its JSON result.",
            discussion: "Uses the same state as `emulate up` (or --in-memory), so handlers see the same users. Exits 1 when the handler fails."
        )

        @Argument(help: "The function's key under `functions` (for example signupUser).")
        var function: String

        @OptionGroup var config: ConfigOptions

        @Option(help: "The event, as JSON.")
        var data: String?

        @Option(name: .customLong("data-file"), help: "A file holding the event as JSON.")
        var dataFile: String?

        @OptionGroup var state: StateOptions

        func validate() throws {
            if data != nil, dataFile != nil { throw ValidationError("give --data or --data-file, not both") }
        }

        func run() async throws {
            let event: [UInt8]
            if let dataFile {
                guard let contents = FileManager.default.contents(atPath: dataFile) else { throw ValidationError("cannot read \(dataFile)") }
                event = [UInt8](contents)
            } else {
                event = Array((data ?? "{}").utf8)
            }
            let emulator = try await config.prepare { options in
                state.apply(to: &options)
                options.allowMissingHandlers = true
            }
            guard let target = emulator.functions[function] else {
                printError("no function '\(function)' in \(config.config); functions: \(emulator.functions.keys.sorted().joined(separator: ", "))")
                throw ExitCode(1)
            }
            let outcome = await emulator.invoker.invoke(target, json: event)
            await emulator.shutdown()  // a function run out of process: its process is stopped before the answer is printed
            switch outcome {
            case .success(let result):
                printOutput(String(decoding: result, as: UTF8.self))
            case .failure(let failure):
                printError(failure.description)
                throw ExitCode(1)
            }
        }
    }
}
