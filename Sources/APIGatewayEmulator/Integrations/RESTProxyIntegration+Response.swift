import EmulatorCore
import Foundation
import Logging

/// What a function's answer becomes on the wire: status, headers, body.
struct IntegrationAnswer: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
}

/// Reads a Lambda proxy result (payload 1.0) as API Gateway does: a proxy response as it is, anything else
/// through JSON and API Gateway's checks; the status must be an HTTP status and a base64 body decode;
/// `multiValueHeaders` win over `headers` of the same name; `application/json` unless a type is given.
enum ProxyResultReader {
    static func read(_ output: any Sendable) -> Result<IntegrationAnswer, MalformedResult> {
        let response: APIGatewayProxyResponse
        if let direct = output as? APIGatewayProxyResponse {
            response = direct
        } else if let json = output as? JSONValue {
            // A process's answer, parsed already: checked from its text.
            switch ProxyResultValidator.validate(Array(json.serialized.utf8)) {
            case .success(let validated): response = validated
            case .failure(let reason): return .failure(reason)
            }
        } else if let encodable = output as? any Encodable, let data = try? JSONEncoder().encode(encodable) {
            switch ProxyResultValidator.validate(Array(data)) {
            case .success(let validated): response = validated
            case .failure(let reason): return .failure(reason)
            }
        } else {
            return .failure(MalformedResult("the result is not JSON"))
        }
        guard (100...599).contains(response.statusCode) else { return .failure(MalformedResult("statusCode \(response.statusCode)")) }
        var body = Array((response.body ?? "").utf8)
        if response.isBase64Encoded == true {
            guard let decoded = Data(base64Encoded: response.body ?? "") else {
                return .failure(MalformedResult("isBase64Encoded but the body is not base64"))
            }
            body = Array(decoded)
        }
        var headers: [(name: String, value: String)] = []
        var named = Set<String>()
        for (name, values) in (response.multiValueHeaders ?? [:]).sorted(by: { $0.key < $1.key }) {
            named.insert(name.lowercased())
            headers += values.map { (name, $0) }
        }
        for (name, value) in (response.headers ?? [:]).sorted(by: { $0.key < $1.key }) where !named.contains(name.lowercased()) {
            headers.append((name, value))
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        return .success(IntegrationAnswer(status: response.statusCode, headers: headers, body: body))
    }
}

extension RESTProxyIntegration {
    /// Maps a handler's result to HTTP; a malformed result is 502.
    func respond(with output: any Sendable, requestID: String, function: String) -> GatewayResponse {
        switch ProxyResultReader.read(output) {
        case .success(let answer):
            return GatewayResponse(
                status: answer.status,
                headers: answer.headers + standardHeaders(requestID),
                body: answer.body,
                functionKey: function,
                requestID: requestID
            )
        case .failure(let reason):
            logger.error("\(requestID) Execution failed due to configuration error: Malformed Lambda proxy response (\(reason))")
            return error(.internalServerError, requestID: requestID, function: function)
        }
    }
}
