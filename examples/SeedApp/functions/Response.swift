import APIGatewayEmulator
import Foundation

/// The tutorial's `sendResponse`: a JSON body with CORS headers.
enum Response {
    private static let encoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// A response with `status` and `body` encoded as JSON.
    static func send(_ status: Int, _ body: [String: String]) -> APIGatewayProxyResponse {
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return APIGatewayProxyResponse(
            statusCode: status,
            headers: ["Content-Type": "application/json", "Access-Control-Allow-Methods": "*", "Access-Control-Allow-Origin": "*"],
            body: String(decoding: data, as: UTF8.self)
        )
    }
}
