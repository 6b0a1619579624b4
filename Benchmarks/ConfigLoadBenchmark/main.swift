// Measures loading serverless.yml against an anchor measured in the same run: libyaml's own event
// scan of the same bytes (no tree, no variables, no model). Reported as medians and ratios.
import CYAML
import Foundation
import ServerlessConfig

/// A service with `count` functions, each with an http event, CORS, an environment with variables,
/// and every tenth one behind the pool's Cognito authorizer.
func generatedConfig(functions count: Int) -> String {
    var yaml = """
        service: generated
        provider:
          name: aws
          runtime: provided.al2023
          stage: ${opt:stage, 'dev'}
          environment:
            POOL_ID: { Ref: UserPool }
            TABLE: ${self:service}-${sls:stage}-table
        functions:

        """
    for index in 0..<count {
        yaml += """
              fn\(index):
                handler: handlers/fn\(index).handler
                timeout: \(index % 30 + 1)
                environment:
                  NAME: fn\(index)-${sls:stage}
                events:
                  - http:
                      path: resource\(index)/{id}
                      method: \(["get", "post", "put", "delete"][index % 4])
                      cors: true

            """
        if index % 10 == 0 {
            yaml += """
                          authorizer:
                            type: COGNITO_USER_POOLS
                            arn: !GetAtt UserPool.Arn

                """
        }
    }
    yaml += """
        resources:
          Resources:
            UserPool:
              Type: AWS::Cognito::UserPool
              Properties:
                UserPoolName: generated-pool
            UserClient:
              Type: AWS::Cognito::UserPoolClient
              Properties:
                UserPoolId: !Ref UserPool

        """
    return yaml
}

/// libyaml's event loop over the bytes, counting events: the floor any loader built on it pays.
func scanEvents(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
            if done { break }
        }
    }
    return events
}

/// The median wall time in seconds of `runs` calls.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return times.sorted()[runs / 2]
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "7") ?? 7
let seedPath = CommandLine.arguments.dropFirst().first ?? "serverless.yml"
let yaml = generatedConfig(functions: 5_000)
let bytes = Array(yaml.utf8)
let events = scanEvents(bytes)
let anchor = median(runs: runs) { _ = scanEvents(bytes) }
let load = try median(runs: runs) {
    let loaded = try ConfigLoader.load(yaml: yaml, path: "generated.yml")
    precondition(loaded.service.functions.count == 5_000 && loaded.service.routes.count == 5_000)
}
let seed = try median(runs: runs) { _ = try ConfigLoader.load(path: seedPath) }
let seedScan = try median(runs: runs) { _ = scanEvents([UInt8](try Data(contentsOf: URL(fileURLWithPath: seedPath)))) }

print("### Configuration loading: medians of \(runs) runs; generated file \(bytes.count / 1024) KiB, 5,000 functions\n")
print("| what | median | ratio to its anchor |")
print("|---|---|---|")
print("| libyaml event scan, 5,000 functions (\(events) events) (anchor) | \(milliseconds(anchor)) | 1 |")
print("| `ConfigLoader.load`, 5,000 functions | \(milliseconds(load)) | **\(String(format: "%.1f", load / anchor))×** |")
print("| libyaml event scan, seed serverless.yml (anchor) | \(milliseconds(seedScan)) | 1 |")
print("| `ConfigLoader.load`, seed serverless.yml | \(milliseconds(seed)) | **\(String(format: "%.1f", seed / seedScan))×** |")
