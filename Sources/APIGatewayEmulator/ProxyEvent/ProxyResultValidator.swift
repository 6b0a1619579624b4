import CognitoEmulator

/// Checks a handler's JSON result as API Gateway does before answering: an object with only the
/// proxy result's keys, an integer `statusCode`, string header values, a string body.
/// Anything else is "Malformed Lambda proxy response" (502).
enum ProxyResultValidator {
    static let allowedKeys: Set<String> = ["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"]

    /// The response, or the reason it is malformed.
    static func validate(_ bytes: [UInt8]) -> Result<APIGatewayProxyResponse, MalformedResult> {
        guard case .object(let members)? = JSONValue.parse(bytes, duplicateKeys: .keepAll) else {
            return .failure(MalformedResult("the result is not a JSON object"))
        }
        var response = APIGatewayProxyResponse(statusCode: 200)
        for member in members {
            guard allowedKeys.contains(member.key) else { return .failure(MalformedResult("unknown key '\(member.key)'")) }
            switch (member.key, member.value) {
            case ("statusCode", .int(let code)) where (100...599).contains(code): response.statusCode = code
            case ("statusCode", _): return .failure(MalformedResult("statusCode must be an integer HTTP status"))
            case ("headers", .null), ("multiValueHeaders", .null), ("body", .null), ("isBase64Encoded", .null): continue
            case ("headers", .object(let headers)):
                var result: [String: String] = [:]
                for header in headers {
                    guard case .string(let value) = header.value else { return .failure(MalformedResult("header '\(header.key)' must be a string")) }
                    result[header.key] = value
                }
                response.headers = result
            case ("multiValueHeaders", .object(let headers)):
                var result: [String: [String]] = [:]
                for header in headers {
                    guard case .array(let values) = header.value, let strings = Optional(values.compactMap(\.stringValue)),
                        strings.count == values.count
                    else {
                        return .failure(MalformedResult("multiValueHeaders '\(header.key)' must be a list of strings"))
                    }
                    result[header.key] = strings
                }
                response.multiValueHeaders = result
            case ("body", .string(let body)): response.body = body
            case ("isBase64Encoded", .bool(let flag)): response.isBase64Encoded = flag
            default: return .failure(MalformedResult("'\(member.key)' has the wrong type"))
            }
        }
        guard members.contains(where: { $0.key == "statusCode" }) else { return .failure(MalformedResult("statusCode is missing")) }
        return .success(response)
    }
}

/// Why a handler's result is not a valid proxy result.
struct MalformedResult: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
