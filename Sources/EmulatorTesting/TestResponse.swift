import APIGatewayEmulator
import Foundation
public import Testing

/// What the in-process emulator answered, with the logs of the request.
public struct TestResponse: Sendable {
    /// The HTTP status.
    public let status: Int
    /// The headers, as name–value pairs.
    public let headers: [(name: String, value: String)]
    /// The body bytes.
    public let body: [UInt8]
    /// The request ID.
    public let requestID: String
    /// The log lines of this request (the gateway's and the handler's).
    public let logs: [String]

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, if it is one.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// The body decoded as `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// The last value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Records a test issue showing the body and the request's logs when the status is not `expected`.
    /// - Returns: Whether the status matched.
    @discardableResult
    public func expect(status expected: Int, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard status != expected else { return true }
        Issue.record("expected status \(expected), got \(status)\(comment.map { " (\($0))" } ?? "")\n\(diagnosis)", sourceLocation: sourceLocation)
        return false
    }

    /// Records a test issue (with body and logs) when the JSON field `key` is not `expected`.
    @discardableResult
    public func expect(json key: String, equals expected: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let actual = json?[key].map { "\($0)" }
        guard actual != expected else { return true }
        Issue.record("expected \(key) = \(expected), got \(actual ?? "nothing")\n\(diagnosis)", sourceLocation: sourceLocation)
        return false
    }

    /// The body and logs, for failure messages.
    public var diagnosis: String {
        "body: \(text.isEmpty ? "(empty)" : text)\nlogs of request \(requestID):\n"
            + (logs.isEmpty ? "  (none)" : logs.map { "  \($0)" }.joined(separator: "\n"))
    }
}
