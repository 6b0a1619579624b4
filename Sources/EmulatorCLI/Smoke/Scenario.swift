import Foundation
import YAML

/// A smoke scenario: requests run in order, each with what it must answer and values to capture.
struct Scenario {
    struct Step {
        var name: String
        var method: String
        var path: String
        /// `rest` (the default: the path is under the REST API's stage) or `http` (an HTTP API path).
        var api: String
        var headers: [String: String]
        var json: Any?
        var expectedStatus: Int?
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
        var method = node["method"]?.scalarText
        var path = node["path"]?.scalarText
        if let request = node["request"]?.scalarText {
            let parts = request.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { throw fail("'request' must be 'METHOD /path'") }
            method = String(parts[0])
            path = String(parts[1])
        }
        guard let method, let path else { throw fail("needs 'request: METHOD /path' (or 'method' and 'path')") }
        let api = node["api"]?.scalarText ?? "rest"
        guard api == "rest" || api == "http" else { throw fail("'api' must be rest or http") }
        let expect = node["expect"]
        let status = try expect?["status"].map { value -> Int in
            guard case .int(let code)? = value.scalarValue else { throw fail("'expect.status' must be a number") }
            return code
        }
        return Step(
            name: node["name"]?.scalarText ?? "\(method) \(path)",
            method: method.uppercased(),
            path: path,
            api: api,
            headers: Dictionary(
                uniqueKeysWithValues: (node["headers"]?.pairs ?? []).map { ($0.key.scalarText ?? "", $0.value.scalarValue?.text ?? "") }
            ),
            json: node["json"].map(jsonValue),
            expectedStatus: status,
            expectedFields: flatten(expect?["json"]),
            captures: (node["capture"]?.pairs ?? []).map { ($0.key.scalarText ?? "", $0.value.scalarText ?? "") }
        )
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
