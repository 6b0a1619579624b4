// In-process requests through EmulatorTesting: a trivial handler and the seed's private route with
// a token, against an anchor measured in the same run — the trivial closure called directly.
import EmulatorServer
import EmulatorTesting
import Foundation
import Logging
import SeedApp

let count = Int(ProcessInfo.processInfo.environment["BENCH_REQUESTS"] ?? "20000") ?? 20_000
let root = CommandLine.arguments.dropFirst().first ?? "."
let yaml = """
    service: trivial
    provider: { name: aws }
    functions:
      hello:
        handler: bench/hello.handler
        events:
          - http: GET hello
    """
let trivial: @Sendable (APIGatewayProxyRequest, LambdaContext) async throws -> APIGatewayProxyResponse = { _, _ in
    APIGatewayProxyResponse(statusCode: 200, body: "hello")
}

func rate(_ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    for _ in 0..<count { try await body() }
    let elapsed = ContinuousClock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let plain = try await TestEmulator(yaml: yaml) { $0.register("bench/hello.handler", trivial) }
let seed = try await TestEmulator(configPath: root + "/serverless.yml") { SeedApp.register(in: &$0) }
try await seed.createUser("bench@example.com", password: "secret123", attributes: ["email": "bench@example.com"])
let token = try await seed.tokens(for: "bench@example.com").IdToken
let event = try APIGatewayProxyRequest.synthetic("GET", "/hello")
let context = LambdaContext(
    requestID: "bench",
    functionName: "f",
    invokedFunctionARN: "arn",
    memoryLimitInMB: 128,
    deadline: Date.distantFuture,
    logger: .init(label: "bench"),
    environment: [:],
    aws: AWSClients(cognito: seed.emulator.functions["privateAPI"]!.cognito)
)

// Measured off the main actor: closures formed in top-level code would hop to it on every call.
let results = try await Task.detached { () async throws -> [(String, Double, Double, Double)] in
    var results: [(String, Double, Double, Double)] = []
    for _ in 0..<3 {
        let anchor = try await rate(count) { _ = try await trivial(event, context) }
        let viaGateway = await rate(count) {
            let status = await plain.request("GET", "/hello").status
            precondition(status == 200)
        }
        let privateRoute = await rate(count) {
            let status = await seed.request("POST", "/user/private", headers: ["Authorization": token]).status
            precondition(status == 200)
        }
        results.append(("round", anchor, viaGateway, privateRoute))
    }
    return results
}.value
let median = results.sorted { $0.2 / $0.1 < $1.2 / $1.1 }[1]
print("### In process (EmulatorTesting): \(count) sequential requests per measure, median of 3 rounds\n")
print("| what | rate | per request | ratio to the anchor |")
print("|---|---|---|---|")
print(String(format: "| the trivial closure called directly (anchor) | %.0f calls/s | %.2f µs | 1 |", median.1, 1e6 / median.1))
print(String(format: "| trivial handler through the pipeline | %.0f req/s | %.2f µs | %.4f |", median.2, 1e6 / median.2, median.2 / median.1))
print(String(format: "| seed private route with a token | %.0f req/s | %.2f µs | %.4f |", median.3, 1e6 / median.3, median.3 / median.1))
