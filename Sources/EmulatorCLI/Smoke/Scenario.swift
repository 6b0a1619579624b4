import Foundation
import YAML

/// A smoke scenario: requests run in order, each with what it must answer and values to capture.
struct Scenario {
    /// What a step calls.
    enum Target {
        /// A route: `method path` under the REST API's stage (`rest`) or the HTTP API's base (`http`).
        case route(method: String, path: String, api: String)
        /// An operation of the Cognito endpoint by name: user pools (`cognito: SignUp`) or identity pools
        /// (`cognitoIdentity: GetId`), signed with the developer credentials.
        case cognito(service: CognitoAPI, operation: String)
    }

    /// The two Cognito APIs a step can call.
    enum CognitoAPI: String {
        case userPools = "cognito"
        case identityPools = "cognitoIdentity"

        /// The `X-Amz-Target` prefix.
        var targetPrefix: String {
            self == .userPools ? "AWSCognitoIdentityProviderService" : "AWSCognitoIdentityService"
        }
        /// The SigV4 service name.
        var signingName: String { self == .userPools ? "cognito-idp" : "cognito-identity" }
    }

    struct Step {
        var name: String
        var target: Target
        var headers: [String: String]
        var json: Any?
        var expectedStatus: Int?
        /// `expect.error`: the AWS error type a Cognito step must fail with.
        var expectedError: String?
        var expectedFields: [(path: String, value: String)]
        var captures: [(variable: String, path: String)]
    }

    var name: String
    var steps: [Step]

    /// Reads a scenario file, or throws a message with the file and position.
    static func load(path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else { throw ScenarioError("\(path): cannot read the scenario") }
        let root: YAMLNode?
        do {
            root = try YAMLParser().parse(bytes: [UInt8](data), source: path)
        } catch {
            throw ScenarioError("\(error.mark): error: \(error.message)")
        }
        guard let root, let steps = root["steps"]?.items else { throw ScenarioError("\(path):1:1: error: a scenario needs 'steps', a list") }
        return Scenario(name: root["name"]?.scalarText ?? path, steps: try steps.enumerated().map { try step($0.element, index: $0.offset) })
    }

    private static func step(_ node: YAMLNode, index: Int) throws -> Step {
        func fail(_ message: String) -> ScenarioError { ScenarioError("\(node.mark): error: step \(index + 1): \(message)") }
        let target = try self.target(node, fail: fail)
        let expect = node["expect"]
        let status = try expect?["status"].map { value -> Int in
            guard case .int(let code)? = value.scalarValue else { throw fail("'expect.status' must be a number") }
            return code
        }
        let error = expect?["error"]?.scalarText
        if error != nil, case .route = target { throw fail("'expect.error' is for cognito steps; a route's answer is checked with expect.status") }
        let name: String
        switch target {
        case .route(let method, let path, _): name = node["name"]?.scalarText ?? "\(method) \(path)"
        case .cognito(let service, let operation): name = node["name"]?.scalarText ?? "\(service.rawValue) \(operation)"
        }
        return Step(
            name: name,
            target: target,
            headers: Dictionary(
                (node["headers"]?.pairs ?? []).map { ($0.key.scalarText ?? "", $0.value.scalarValue?.text ?? "") },
                uniquingKeysWith: { _, last in last }
            ),
            json: node["json"].map(jsonValue),
            expectedStatus: status,
            expectedError: error,
            expectedFields: flatten(expect?["json"]),
            captures: (node["capture"]?.pairs ?? []).map { ($0.key.scalarText ?? "", $0.value.scalarText ?? "") }
        )
    }

    private static func target(_ node: YAMLNode, fail: (String) -> ScenarioError) throws -> Target {
        for service in [CognitoAPI.userPools, .identityPools] {
            guard let value = node[service.rawValue] else { continue }
            guard let operation = value.scalarText, !operation.isEmpty, operation.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                throw fail("'\(service.rawValue)' must name an operation, such as \(service == .userPools ? "SignUp" : "GetId")")
            }
            if node["request"] != nil || node["path"] != nil { throw fail("a step calls a route or a Cognito operation, not both") }
            return .cognito(service: service, operation: operation)
        }
        var method = node["method"]?.scalarText
        var path = node["path"]?.scalarText
        if let request = node["request"]?.scalarText {
            let parts = request.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { throw fail("'request' must be 'METHOD /path'") }
            method = String(parts[0])
            path = String(parts[1])
        }
        guard let method, let path else { throw fail("needs 'request: METHOD /path' (or 'method' and 'path'), or 'cognito: Operation'") }
        let api = node["api"]?.scalarText ?? "rest"
        guard api == "rest" || api == "http" else { throw fail("'api' must be rest or http") }
        return .route(method: method.uppercased(), path: path, api: api)
    }

    /// `{a: {b: 1}}` → `[("a.b", "1")]`.
    private static func flatten(_ node: YAMLNode?, prefix: String = "") -> [(path: String, value: String)] {
        guard let node else { return [] }
        guard let pairs = node.pairs else { return [(prefix, node.scalarValue?.text ?? "")] }
        return pairs.flatMap { flatten($0.value, prefix: prefix.isEmpty ? ($0.key.scalarText ?? "") : "\(prefix).\($0.key.scalarText ?? "")") }
    }

    /// A YAML node as a JSON-compatible value.
    static func jsonValue(_ node: YAMLNode) -> Any {
        switch node.content {
        case .mapping(let pairs): return Dictionary(pairs.map { ($0.key.scalarText ?? "", jsonValue($0.value)) }, uniquingKeysWith: { _, new in new })
        case .sequence(let items): return items.map(jsonValue)
        case .scalar:
            switch node.scalarValue ?? .null {
            case .null: return NSNull()
            case .bool(let value): return value
            case .int(let value): return value
            case .double(let value): return value
            case .string(let value): return value
            }
        }
    }
}

/// A scenario that cannot be read.
struct ScenarioError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
