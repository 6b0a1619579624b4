#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cognito's AWS JSON 1.1 protocol: routes `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`
/// with a JSON body to the service and renders the answer or the error as AWS does.
/// Knows nothing of the HTTP server that carries it.
package struct CognitoJSONDispatcher: Sendable {
    /// An HTTP answer: status and JSON body.
    package struct Answer: Sendable {
        /// The HTTP status.
        package var status: Int
        /// The JSON body.
        package var body: [UInt8]
        /// An error's `__type`, which AWS repeats in the `x-amzn-ErrorType` header; nil on success.
        package var errorType: String? = nil
    }

    /// The service prefix of every target.
    package static let targetPrefix = "AWSCognitoIdentityProviderService."
    /// The content type of requests and answers.
    package static let contentType = "application/x-amz-json-1.1"

    private let service: CognitoService

    /// A dispatcher over `service`.
    package init(service: CognitoService) {
        self.service = service
    }

    /// The operations served, by name.
    package static var operationNames: [String] { CognitoOperations.byName.keys.sorted() }

    /// Runs one request.
    /// - Parameters:
    ///   - target: The `X-Amz-Target` header.
    ///   - body: The request body.
    ///   - caller: Whose IAM permissions apply (a function whose issued credentials signed the request);
    ///     nil for full access.
    /// - Returns: The status and body to answer with; never throws.
    package func handle(target: String?, body: [UInt8], caller: CognitoCaller? = nil) async -> Answer {
        guard let target, target.hasPrefix(Self.targetPrefix) else {
            return Self.render(.unknownOperation("Missing or unknown X-Amz-Target; expected \(Self.targetPrefix)<Operation>"))
        }
        let name = String(target.dropFirst(Self.targetPrefix.count))
        guard let operation = CognitoOperations.byName[name] else {
            return Self.render(
                .unknownOperation(
                    "The emulator does not implement Cognito's \(name) operation; it implements: \(Self.operationNames.joined(separator: ", "))"
                )
            )
        }
        do {
            let (request, bytes) = try Self.read(body, operation: name)
            let result = try await operation.run(request, bytes: bytes, caller: caller, on: service)
            return Answer(status: 200, body: result)
        } catch let error as CognitoError {
            return Self.render(error)
        } catch let error as DecodingError {
            return Self.render(Self.translate(error))
        } catch {
            return Self.render(.internalError("\(error)"))
        }
    }

    /// The body as JSON (a repeated key keeps its last value, as AWS reads it), checked against the
    /// operation's shape in botocore's model; and the same as text to decode, which is the body itself
    /// unless a key was repeated.
    private static func read(_ body: [UInt8], operation: String) throws(CognitoError) -> (JSONValue, [UInt8]) {
        let text = Array(body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        guard !text.isEmpty else {
            try RequestValidator.shared.validate(.object([]), operation: operation)
            return (.object([]), Array("{}".utf8))
        }
        let value: JSONValue
        let bytes: [UInt8]
        if let unique = JSONValue.parse(text, duplicateKeys: .reject) {
            (value, bytes) = (unique, text)
        } else if let lastWins = JSONValue.parse(text, duplicateKeys: .lastWins) {
            (value, bytes) = (lastWins, Array(lastWins.serialized.utf8))
        } else {
            throw .serialization("The request body is not valid JSON")
        }
        switch value {
        case .object: break
        case .array: throw .serialization("Start of list found where not expected.")
        default: throw .serialization("Expected a structure but found a value.")
        }
        try RequestValidator.shared.validate(value, operation: operation)
        return (value, bytes)
    }

    /// `{"__type": …, "message": …}` with the error's status.
    package static func render(_ error: CognitoError) -> Answer {
        Answer(status: error.status, body: error.body, errorType: error.type)
    }

    private static func translate(_ error: DecodingError) -> CognitoError {
        switch error {
        case .keyNotFound(let key, _):
            return .missing(key.stringValue)
        case .valueNotFound(_, let context):
            return .missing(context.codingPath.last?.stringValue ?? "value")
        case .typeMismatch(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .serialization("Unexpected value for '\(path)': expected \(type)")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? .serialization("The request body is not valid JSON")
                : .serialization("Invalid value for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        @unknown default:
            return .serialization("The request body could not be read")
        }
    }
}
