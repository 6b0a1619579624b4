import Foundation
import Logging

extension RESTProxyIntegration {
    /// Maps a handler's result to HTTP: a proxy response as it is, anything else through JSON and
    /// API Gateway's checks; a malformed result or undecodable base64 body is 502.
    func respond(with output: any Sendable, requestID: String, function: String) -> GatewayResponse {
        let response: APIGatewayProxyResponse
        if let direct = output as? APIGatewayProxyResponse {
            response = direct
        } else if let encodable = output as? any Encodable, let data = try? JSONEncoder().encode(encodable) {
            switch ProxyResultValidator.validate(Array(data)) {
            case .success(let validated): response = validated
            case .failure(let reason):
                logger.error("\(requestID) Execution failed due to configuration error: Malformed Lambda proxy response (\(reason))")
                return error(.internalServerError, requestID: requestID, function: function)
            }
        } else {
            logger.error("\(requestID) Execution failed due to configuration error: Malformed Lambda proxy response")
            return error(.internalServerError, requestID: requestID, function: function)
        }
        guard (100...599).contains(response.statusCode) else {
            logger.error("\(requestID) Malformed Lambda proxy response (statusCode \(response.statusCode))")
            return error(.internalServerError, requestID: requestID, function: function)
        }
        var body = Array((response.body ?? "").utf8)
        if response.isBase64Encoded == true {
            guard let decoded = Data(base64Encoded: response.body ?? "") else {
                logger.error("\(requestID) Malformed Lambda proxy response (isBase64Encoded but the body is not base64)")
                return error(.internalServerError, requestID: requestID, function: function)
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
        headers += standardHeaders(requestID)
        return GatewayResponse(status: response.statusCode, headers: headers, body: body, functionKey: function, requestID: requestID)
    }
}
