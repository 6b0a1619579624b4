import APIGatewayEmulator
import EmulatorServer
import Foundation
import LambdaEmulator
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An emulator serving on free ports for one test: started by ``with(_:handlers:body:)`` and stopped
/// (gracefully, waiting for the listeners) before it returns.
struct LiveEmulator {
    let emulator: Emulator
    let ready: ReadyInfo

    /// Runs `body` against a live emulator of `yaml`, on ports 0, in memory.
    static func with<T: Sendable>(
        _ yaml: String,
        handlers register: (inout HandlerRegistry) -> Void = { _ in },
        _ body: (LiveEmulator) async throws -> T
    ) async throws -> T {
        var handlers = HandlerRegistry()
        EchoHandler.register(in: &handlers)
        register(&handlers)
        var options = EmulatorOptions()
        options.apiPort = 0
        options.cognitoPort = 0
        options.lambdaPort = 0
        options.inMemory = true
        let emulator = try await Emulator.prepare(
            source: .text(yaml, path: "serverless.yml"),
            options: options,
            handlers: handlers,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let (readyStream, readyContinuation) = AsyncStream.makeStream(of: ReadyInfo.self)
        let (stopStream, stopContinuation) = AsyncStream.makeStream(of: Void.self)
        let server = Task {
            try await emulator.run(until: { for await _ in stopStream { return } }) { readyContinuation.yield($0) }
        }
        defer { stopContinuation.finish() }
        var iterator = readyStream.makeAsyncIterator()
        guard let ready = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        let result: Result<T, any Error>
        do { result = .success(try await body(LiveEmulator(emulator: emulator, ready: ready))) } catch { result = .failure(error) }
        stopContinuation.finish()
        _ = await server.result
        return try result.get()
    }

    /// Sends a request and answers the status and the body's JSON object.
    func send(
        _ method: String,
        _ url: String,
        json: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = json.map { Data($0.utf8) }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    /// `POST /_emulate/clock` on the Cognito port.
    func advanceClock(seconds: Double) async throws {
        let answer = try await send("POST", ready.cognito + "/_emulate/clock", json: #"{"advanceSeconds": \#(seconds)}"#)
        precondition(answer.status == 200, "clock: \(answer)")
    }
}

/// The handlers every live test registers: the echo handler.
enum HandlerRegistryForTests {
    static func make() -> HandlerRegistry {
        var handlers = HandlerRegistry()
        EchoHandler.register(in: &handlers)
        return handlers
    }
}
