import EmulatorServer
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// `Emulator` as a ServiceLifecycle `Service`, in a group its user owns.
@Suite("the emulator as a Service")
struct ServiceTests {
    @Test("it runs in the caller's ServiceGroup, reports the bound ports to onReady and stops with the group")
    func runsInAServiceGroup() async throws {
        var options = EmulatorOptions()
        options.apiPort = 0
        options.cognitoPort = 0
        options.lambdaPort = 0
        options.inMemory = true
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        var emulator = try await Emulator.prepare(
            source: .text(ClockAndPortTests.yaml, path: "serverless.yml"),
            options: options,
            handlers: {
                var handlers = HandlerRegistryForTests.make()
                ClockAndPortTests.register(&handlers)
                return handlers
            }(),
            logger: logger
        )
        let (readyStream, readyContinuation) = AsyncStream.makeStream(of: ReadyInfo.self)
        emulator.onReady = { readyContinuation.yield($0) }
        let group = ServiceGroup(configuration: .init(services: [emulator], logger: logger))
        let running = Task { try await group.run() }
        var iterator = readyStream.makeAsyncIterator()
        let ready = try #require(await iterator.next())
        let live = LiveEmulator(emulator: emulator, ready: ready)
        #expect(try await live.send("GET", ready.cognito + "/_emulate/health").status == 200)
        #expect(try await live.send("GET", try #require(ready.api) + "/echo").status == 200)
        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: (any Error).self) { _ = try await live.send("GET", ready.cognito + "/_emulate/health") }
    }
}
