import EmulatorServer
import Foundation
import ServerlessConfig
import SigV4

/// Runs the smoke checks against a running emulator and prints one line per step.
struct SmokeRunner {
    let api: String
    let httpApi: String
    let ready: ReadyInfo
    let client = SmokeClient()
    var passed = 0
    var failed = 0

    /// A runner for the emulator that `ready` describes.
    init(_ ready: ReadyInfo) {
        self.ready = ready
        api = ready.api ?? ready.httpApi ?? ""
        httpApi = ready.httpApi ?? api
    }

    /// What a scenario's `${…}` start with: `run` (a random word, for unique names) and each pool's,
    /// client's and identity pool's logical ID, standing for what `Ref` answers (its ID).
    var initialVariables: [String: String] {
        var variables = ["run": String(UUID().uuidString.prefix(8)).lowercased()]
        for (logicalID, pool) in ready.userPools {
            variables[logicalID] = pool.id
            for (client, id) in pool.clients { variables[client] = id }
        }
        for (logicalID, id) in ready.identityPools { variables[logicalID] = id }
        return variables
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
        var variables = initialVariables
        for step in scenario.steps {
            var headers = step.headers.mapValues { substitute($0, variables) }
            let json = step.json.map { substituteJSON($0, variables) }
            let label: String
            let answer: SmokeClient.Answer
            do {
                switch step.target {
                case .route(let method, let path, let which):
                    let path = substitute(path, variables)
                    label = "\(step.name) (\(method) \(path))"
                    var body: Data?
                    if let json {
                        body = try? JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])
                        if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) { headers["Content-Type"] = "application/json" }
                    }
                    answer = try await client.send(method, (which == "http" ? httpApi : api) + path, headers: headers, body: body)
                case .cognito(let service, let operation):
                    label = step.name
                    answer = try await cognito(service, operation, json: json ?? [String: Any](), headers: headers)
                }
            } catch {
                return fail(step.name, "no answer: \(error)", nil)
            }
            if let reason = check(step, answer, variables) { return fail(label, reason, answer) }
            for (variable, field) in step.captures {
                guard let value = answer.field(field) else { return fail(label, "cannot capture \(variable): no \(field) in the answer", answer) }
                variables[variable] = value
            }
            pass(label, answer, nil)
        }
        return true
    }

    /// Why the answer is not what the step expects, or nil. A Cognito step must succeed (200) unless it
    /// expects an error, whose type (`__type`, namespace dropped) must then be that one.
    private func check(_ step: Scenario.Step, _ answer: SmokeClient.Answer, _ variables: [String: String]) -> String? {
        let errorType = answer.field("__type").map { String($0.split(separator: "#").last ?? "") }
        if case .cognito = step.target {
            if let expected = step.expectedError {
                guard answer.status == 400, errorType == expected else {
                    return "\(errorType.map { "failed with \($0)" } ?? "succeeded"), expected the error \(expected)"
                }
            } else if step.expectedStatus == nil, answer.status != 200 {
                return "failed: \(errorType ?? "status \(answer.status)"): \(answer.field("message") ?? answer.field("Message") ?? "")"
            }
        }
        if let expected = step.expectedStatus, answer.status != expected { return "status \(answer.status), expected \(expected)" }
        for (field, expected) in step.expectedFields {
            let wanted = substitute(expected, variables)
            let actual = answer.field(field)
            if actual != wanted { return "\(field) is \(actual.map { "'\($0)'" } ?? "missing"), expected '\(wanted)'" }
        }
        return nil
    }

    /// Calls a Cognito operation on the emulator's endpoint, signed with the developer credentials as an SDK signs it.
    private func cognito(_ service: Scenario.CognitoAPI, _ operation: String, json: Any, headers: [String: String]) async throws -> SmokeClient.Answer
    {
        let body = try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])
        guard let url = URL(string: ready.cognito), let host = url.host else { throw ScenarioError("not a URL: \(ready.cognito)") }
        var request = SigV4.Request(
            method: "POST",
            path: "/",
            query: "",
            headers: [
                ("host", url.port.map { "\(host):\($0)" } ?? host), ("content-type", "application/x-amz-json-1.1"),
                ("x-amz-target", "\(service.targetPrefix).\(operation)"),
            ] + headers.map { ($0.key.lowercased(), $0.value) },
            body: [UInt8](body)
        )
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        SigV4.sign(
            &request,
            accessKeyID: ready.credentials.accessKeyId,
            secret: ready.credentials.secretAccessKey,
            region: ready.region,
            service: service.signingName,
            amzDate: formatter.string(from: Date())
        )
        let sent = Dictionary(request.headers.filter { $0.name != "host" }.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        return try await client.send("POST", ready.cognito + "/", headers: sent, body: body)
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
