import EmulatorServer
import Foundation
import ServerlessConfig

/// Runs the smoke checks against a running emulator and prints one line per step.
struct SmokeRunner {
    let api: String
    let httpApi: String
    let client = SmokeClient()
    var passed = 0
    var failed = 0

    /// A runner for the REST API's base (stage included) and the HTTP API's.
    init(api: String, httpApi: String) {
        self.api = api
        self.httpApi = httpApi
    }

    /// Every route once: a protected route without credentials must be refused; a public route must
    /// reach its handler (any answer but the gateway's own errors).
    mutating func checkRoutes(_ routes: [ReadyInfo.Route]) async -> Bool {
        for route in routes {
            let method = route.method == "ANY" || route.method == "*" ? "GET" : route.method
            let declared = route.path == "*" ? "/smoke" : route.path
            let path = declared.split(separator: "/").map { $0.hasPrefix("{") ? "smoke" : String($0) }.joined(separator: "/")
            let base = route.api == "http" ? httpApi : api
            let sendsBody = ["POST", "PUT", "PATCH"].contains(method)
            let answer: SmokeClient.Answer
            do {
                answer = try await client.send(
                    method,
                    base + "/" + path,
                    headers: sendsBody ? ["Content-Type": "application/json"] : [:],
                    body: sendsBody ? Data("{}".utf8) : nil
                )
            } catch {
                return fail("\(method) /\(path)", "no answer: \(error)", nil)
            }
            let label = "\(method) /\(path)"
            if let authorizer = route.authorizer {
                let expected = authorizer == "AWS_IAM" ? 403 : 401
                guard answer.status == expected else {
                    return fail(label, "\(answer.status), but a \(authorizer) route without credentials must answer \(expected)", answer)
                }
                pass(label, answer, "refused without credentials")
            } else {
                let gatewayError =
                    answer.status == 502 || answer.status == 503 || answer.status == 504 || answer.status == 500
                    || answer.headers["x-amzn-errortype"] == "MissingAuthenticationTokenException"
                    || (route.api == "http" && answer.status == 404 && answer.headers["apigw-requestid"] != nil
                        && answer.text == #"{"message":"Not Found"}"#)
                guard !gatewayError else {
                    return fail(
                        label,
                        "\(answer.status) from the gateway (\(answer.headers["x-amzn-errortype"] ?? "error")): the handler did not answer",
                        answer
                    )
                }
                pass(label, answer, "reached \(route.function)")
            }
        }
        return true
    }

    /// The scenario's steps in order, with `${variable}` substitution and captures.
    mutating func run(_ scenario: Scenario) async -> Bool {
        var variables = ["run": String(UUID().uuidString.prefix(8)).lowercased()]
        for step in scenario.steps {
            let path = substitute(step.path, variables)
            var headers = step.headers.mapValues { substitute($0, variables) }
            var body: Data?
            if let json = step.json {
                body = try? JSONSerialization.data(withJSONObject: substituteJSON(json, variables), options: [.fragmentsAllowed])
                if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) { headers["Content-Type"] = "application/json" }
            }
            let label = "\(step.name) (\(step.method) \(path))"
            let answer: SmokeClient.Answer
            do {
                answer = try await client.send(step.method, (step.api == "http" ? httpApi : api) + path, headers: headers, body: body)
            } catch {
                return fail(label, "no answer: \(error)", nil)
            }
            if let expected = step.expectedStatus, answer.status != expected {
                return fail(label, "status \(answer.status), expected \(expected)", answer)
            }
            for (field, expected) in step.expectedFields {
                let wanted = substitute(expected, variables)
                let actual = answer.field(field)
                guard actual == wanted else {
                    return fail(label, "\(field) is \(actual.map { "'\($0)'" } ?? "missing"), expected '\(wanted)'", answer)
                }
            }
            for (variable, field) in step.captures {
                guard let value = answer.field(field) else { return fail(label, "cannot capture \(variable): no \(field) in the answer", answer) }
                variables[variable] = value
            }
            pass(label, answer, nil)
        }
        return true
    }

    private mutating func pass(_ label: String, _ answer: SmokeClient.Answer, _ note: String?) {
        passed += 1
        printOutput("✓ \(label)  \(answer.status)  \(String(format: "%.1f", answer.milliseconds)) ms" + (note.map { "  \($0)" } ?? ""))
    }

    private mutating func fail(_ label: String, _ reason: String, _ answer: SmokeClient.Answer?) -> Bool {
        failed += 1
        printOutput("✗ \(label)  \(answer.map { "\($0.status)  \(String(format: "%.1f", $0.milliseconds)) ms  " } ?? "")\(reason)")
        if let answer { printOutput("  body: \(answer.text.isEmpty ? "(empty)" : answer.text)") }
        return false
    }

    private func substitute(_ text: String, _ variables: [String: String]) -> String {
        variables.reduce(text) { result, variable in result.replacingOccurrences(of: "${\(variable.key)}", with: variable.value) }
    }

    private func substituteJSON(_ value: Any, _ variables: [String: String]) -> Any {
        switch value {
        case let text as String: return substitute(text, variables)
        case let object as [String: Any]: return object.mapValues { substituteJSON($0, variables) }
        case let array as [Any]: return array.map { substituteJSON($0, variables) }
        default: return value
        }
    }
}
