import CognitoEmulator
import LambdaEmulator
import Logging
import NIOConcurrencyHelpers
import Testing

@Suite("The logger a handler gets")
struct InvocationLoggerTests {
    /// Keeps each event with the metadata it was written with (the handler's own, then the call site's).
    private final class Recorder: Sendable {
        let events = NIOLockedValueBox<[(message: String, metadata: Logger.Metadata)]>([])

        struct Handler: LogHandler {
            let recorder: Recorder
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let all = metadata.merging(event.metadata ?? [:]) { $1 }
                recorder.events.withLockedValue { $0.append((event.message.description, all)) }
            }
        }
    }

    @Test("its lines carry the request ID and function over the emulator's metadata; the call site's wins; the base is untouched")
    func linesCarryTheInvocationsMetadata() async throws {
        let recorder = Recorder()
        var base = Logger(label: "test") { _ in Recorder.Handler(recorder: recorder) }
        base[metadataKey: "emulate.component"] = "lambda"
        var registry = HandlerRegistry()
        registry.register("fn.handler") { (_: [String: String], context: LambdaContext) -> [String: String] in
            context.logger.info("hello", metadata: ["lambda.function": "overridden", "k": "v"])
            var logger = context.logger
            logger[metadataKey: "emulate.component"] = nil
            logger.info("again")
            return ["seen": context.logger[metadataKey: "emulate.request.id"].map { "\($0)" } ?? ""]
        }
        let service = try await CognitoService(
            configuration: CognitoConfiguration(service: "s", stage: "dev", region: "us-east-1", accountID: "0"),
            store: try CognitoStore(path: nil)
        )
        let function = LambdaFunction(
            key: "fn",
            name: "s-dev-fn",
            handlerName: "fn.handler",
            arn: "arn",
            timeout: 3,
            memorySize: 128,
            environment: [:],
            handler: registry["fn.handler"],
            cognito: CognitoClient(service: service, region: "us-east-1", accountID: "0")
        )
        let result = await LambdaInvoker(logger: base).invoke(function, event: ["x": "y"], requestID: "req-7")
        #expect((try result.get()) as? [String: String] == ["seen": "req-7"])

        base.info("after")

        let lines = recorder.events.withLockedValue { $0 }.filter { ["hello", "again", "after"].contains($0.message) }
        try #require(lines.count == 3)
        #expect(lines[0].metadata == ["emulate.component": "lambda", "emulate.request.id": "req-7", "lambda.function": "overridden", "k": "v"])
        #expect(lines[1].metadata == ["emulate.request.id": "req-7", "lambda.function": "fn"])
        // The emulator's logger is as it was: neither the invocation's keys nor the handler's change reached it.
        #expect(lines[2].metadata == ["emulate.component": "lambda"])
    }
}
