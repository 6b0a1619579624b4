import ArgumentParser
import EmulatorCore
import EmulatorServer
import Foundation
import LambdaEmulator

extension Emulate {
    /// `emulate invoke`: one invocation, no listeners.
    struct Invoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invoke one function with a JSON event and print its JSON result.",
            discussion: "Uses the same state as `emulate up` (or --in-memory), so handlers see the same users. With --event TYPE the "
                + "event is a sample of that type (filled from the function's own event of that type) and --data is its message or "
                + "body; the event is printed to standard error. A failed invocation prints Lambda's error payload and exits 1."
        )

        @Argument(help: "The function's key under `functions` (for example signupUser).")
        var function: String

        @OptionGroup var config: ConfigOptions

        @Option(help: "The event, as JSON (with --event: the sample's message or body).")
        var data: String?

        @Option(name: .customLong("data-file"), help: "A file holding the event as JSON (with --event: the message or body).")
        var dataFile: String?

        @Option(help: "Send a sample event of this type: \(Emulator.sampleEventTypes.joined(separator: ", ")).")
        var event: String?

        @OptionGroup var state: StateOptions

        func validate() throws {
            if data != nil, dataFile != nil { throw ValidationError("give --data or --data-file, not both") }
        }

        func run() async throws {
            var data = self.data.map { Array($0.utf8) }
            if let dataFile {
                guard let contents = FileManager.default.contents(atPath: dataFile) else { throw ValidationError("cannot read \(dataFile)") }
                data = [UInt8](contents)
            }
            if event == nil, let data, JSONValue.parse(data, duplicateKeys: .lastWins) == nil {
                printError("emulate invoke: the event is not JSON (Lambda refuses it: Could not parse request body into json)")
                throw ExitCode(1)
            }
            let emulator = try await config.prepare { options in
                state.apply(to: &options)
                options.allowMissingHandlers = true
            }
            guard let target = emulator.functions[function] else {
                printError("no function '\(function)' in \(config.config); functions: \(emulator.functions.keys.sorted().joined(separator: ", "))")
                throw ExitCode(1)
            }
            var payload = data ?? Array("{}".utf8)
            if let event {
                do {
                    payload = try emulator.sampleEvent(event, for: function, data: data.map { String(decoding: $0, as: UTF8.self) })
                } catch {
                    printError("emulate invoke: \(error)")
                    throw ExitCode(1)
                }
                printError("emulate invoke: the \(event) event sent to \(function):\n" + String(decoding: payload, as: UTF8.self))
            }
            let outcome = await emulator.invoker.invoke(target, json: payload)
            await emulator.shutdown()  // a function run out of process: its process is stopped before the answer is printed
            switch outcome {
            case .success(let result):
                printOutput(String(decoding: result, as: UTF8.self))
            case .failure(let failure):
                // The invoker has logged the failure as Lambda would; the answer is Lambda's error payload.
                if failure.kind == .missingHandler { printError(failure.description) }
                printOutput(String(decoding: failure.payload, as: UTF8.self))
                throw ExitCode(1)
            }
        }
    }
}
