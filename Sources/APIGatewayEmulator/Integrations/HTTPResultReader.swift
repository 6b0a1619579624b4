import EmulatorCore
import Foundation

/// Reads what an HTTP API's function answered, as API Gateway does.
///
/// Payload 2.0: an object with `statusCode` is a response (`headers`, `cookies` — each a `Set-Cookie` —,
/// `body`, `isBase64Encoded`, each of its type or the answer is malformed); anything else is inferred:
/// 200, `application/json`, the answer as the body (a JSON string's text, any other value's JSON).
/// Payload 1.0: a proxy result, checked as a REST API checks it.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
enum HTTPResultReader {
    static func read(_ output: any Sendable, payloadVersion: String) -> Result<IntegrationAnswer, MalformedResult> {
        if payloadVersion == "1.0" { return ProxyResultReader.read(output) }
        let value: JSONValue
        if let proxy = output as? APIGatewayProxyResponse {
            // A 1.0-shaped response read as 2.0 reads it (multiValueHeaders are not part of 2.0): no JSON round trip.
            return structured(proxy.statusCode, headers: proxy.headers ?? [:], cookies: [], body: proxy.body, base64: proxy.isBase64Encoded ?? false)
        }
        if let direct = output as? APIGatewayV2Response {
            return structured(
                direct.statusCode,
                headers: direct.headers ?? [:],
                cookies: direct.cookies ?? [],
                body: direct.body,
                base64: direct.isBase64Encoded ?? false
            )
        } else if let json = output as? JSONValue {
            value = json  // a process's answer, parsed already
        } else if let encodable = output as? any Encodable, let data = try? JSONEncoder().encode(encodable), let parsed = JSONValue.parse(Array(data))
        {
            value = parsed
        } else {
            return .failure(MalformedResult("the answer is not JSON"))
        }
        guard case .object(let members) = value, members.contains(where: { $0.key == "statusCode" }) else {
            let text = value.stringValue ?? value.serialized
            return .success(IntegrationAnswer(status: 200, headers: [("Content-Type", "application/json")], body: Array(text.utf8)))
        }
        guard case .int(let status)? = value["statusCode"] else { return .failure(MalformedResult("statusCode is not an integer")) }
        var headers: [String: String] = [:]
        switch value["headers"] {
        case .object(let entries)?:
            for entry in entries {
                switch entry.value {
                case .string(let text): headers[entry.key] = text
                case .int, .double, .bool: headers[entry.key] = entry.value.serialized
                default: return .failure(MalformedResult("header \(entry.key) is not a string"))
                }
            }
        case nil, .null?: break
        default: return .failure(MalformedResult("headers is not an object"))
        }
        var cookies: [String] = []
        switch value["cookies"] {
        case .array(let items)?:
            for item in items {
                guard let cookie = item.stringValue else { return .failure(MalformedResult("a cookie is not a string")) }
                cookies.append(cookie)
            }
        case nil, .null?: break
        default: return .failure(MalformedResult("cookies is not a list"))
        }
        let body: String?
        switch value["body"] {
        case .string(let text)?: body = text
        case nil, .null?: body = nil
        default: return .failure(MalformedResult("body is not a string"))
        }
        let base64: Bool
        switch value["isBase64Encoded"] {
        case .bool(let flag)?: base64 = flag
        case nil, .null?: base64 = false
        default: return .failure(MalformedResult("isBase64Encoded is not a boolean"))
        }
        return structured(status, headers: headers, cookies: cookies, body: body, base64: base64)
    }

    private static func structured(
        _ status: Int,
        headers: [String: String],
        cookies: [String],
        body: String?,
        base64: Bool
    ) -> Result<IntegrationAnswer, MalformedResult> {
        guard (100...599).contains(status) else { return .failure(MalformedResult("statusCode \(status) is not an HTTP status")) }
        var bytes = Array((body ?? "").utf8)
        if base64 {
            guard let decoded = Data(base64Encoded: body ?? "") else {
                return .failure(MalformedResult("isBase64Encoded but the body is not base64"))
            }
            bytes = Array(decoded)
        }
        var fields = headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        fields += cookies.map { ("Set-Cookie", $0) }
        if !fields.contains(where: { $0.name.lowercased() == "content-type" }) { fields.append(("Content-Type", "application/json")) }
        return .success(IntegrationAnswer(status: status, headers: fields, body: bytes))
    }
}
