import CognitoEmulator
import HTTPTypes
import Hummingbird
import NIOCore

/// Small builders for the JSON answers the emulator's listeners send.
enum HTTPResponses {
    /// The header in which AWS's JSON services name an error's type.
    static let errorTypeHeader = HTTPField.Name("x-amzn-ErrorType")!

    /// A response with a body and content type.
    static func bytes(_ body: [UInt8], status: Int, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A JSON response from text.
    static func json(_ text: String, status: Int = 200, headers: HTTPFields = [:]) -> Response {
        bytes(Array(text.utf8), status: status, contentType: "application/json", headers: headers)
    }

    /// `{"message": "..."}` with a status.
    static func message(_ text: String, status: Int, headers: HTTPFields = [:]) -> Response {
        json(JSONValue.object([.init("message", .string(text))]).serialized, status: status, headers: headers)
    }
}
