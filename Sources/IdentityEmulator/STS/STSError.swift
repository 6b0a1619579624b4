public import EmulatorCore
import EmulatorCrypto
import SigV4

/// An STS error in its query protocol's XML (`<ErrorResponse><Error><Type>Sender</Type><Code>…`), with AWS's status.
public struct STSError: WireError, Equatable {
    /// The error code (`AccessDenied`, `InvalidIdentityToken`).
    public let code: String
    /// AWS's message.
    public let message: String
    /// The HTTP status.
    public let status: Int

    init(_ code: String, _ message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// The headers.
    public var headers: [(name: String, value: String)] { [("Content-Type", "text/xml")] }

    /// The body.
    public var body: [UInt8] {
        Array(
            """
            <ErrorResponse xmlns="\(STSService.namespace)">
              <Error>
                <Type>\(status >= 500 ? "Receiver" : "Sender")</Type>
                <Code>\(code)</Code>
                <Message>\(XML.escape(message))</Message>
              </Error>
              <RequestId>\(XML.requestID())</RequestId>
            </ErrorResponse>

            """.utf8
        )
    }

    static func accessDenied(_ message: String) -> Self { .init("AccessDenied", message, status: 403) }
    static func invalidParameter(_ message: String) -> Self { .init("InvalidParameterValue", message) }
    static func validation(_ message: String) -> Self { .init("ValidationError", message) }
    static func missingParameter(_ name: String) -> Self {
        .init(
            "ValidationError",
            "1 validation error detected: Value null at '\(name.prefix(1).lowercased() + name.dropFirst())' failed to satisfy constraint: Member must not be null"
        )
    }
    static func invalidIdentityToken(_ message: String) -> Self { .init("InvalidIdentityToken", message) }
    static func expiredToken(_ message: String) -> Self { .init("ExpiredTokenException", message) }
    static func invalidAction(_ action: String) -> Self { .init("InvalidAction", "Could not find operation \(action) for version 2011-06-15") }
    /// 403 `MissingAuthenticationToken`: an unsigned request where one must be signed.
    public static var missingAuthentication: Self { .init("MissingAuthenticationToken", "Request is missing Authentication Token", status: 403) }

    /// A refused signature, in STS's words.
    public static func refused(_ refusal: CallerRefusal) -> Self {
        switch refusal {
        case .signature(.signatureMismatch): return .init("SignatureDoesNotMatch", refusal.message, status: 403)
        case .wrongService: return .init("SignatureDoesNotMatch", refusal.message, status: 403)
        case .signature(.incomplete), .signature(.missing): return .init("IncompleteSignature", refusal.message, status: 400)
        case .signature(.unknownAccessKey), .signature(.invalidSessionToken), .invalidToken:
            return .init("InvalidClientTokenId", refusal.message, status: 403)
        case .signature(.expired), .signature(.outsideWindow): return .init("SignatureDoesNotMatch", refusal.message, status: 403)
        case .expiredToken: return .init("ExpiredToken", refusal.message, status: 403)
        }
    }
}

/// What STS's XML needs.
enum XML {
    static func escape(_ text: String) -> String { MarkupText.escaped(text) }

    static func requestID() -> String { SecureRandom.uuidString().lowercased() }

    /// An element per pair, nested pairs as child elements; nil values left out.
    static func elements(_ pairs: [(String, Element?)], indent: String) -> String {
        var output = ""
        for (name, element) in pairs {
            guard let element else { continue }
            switch element {
            case .text(let text): output += "\(indent)<\(name)>\(escape(text))</\(name)>\n"
            case .children(let children): output += "\(indent)<\(name)>\n" + elements(children, indent: indent + "  ") + "\(indent)</\(name)>\n"
            }
        }
        return output
    }

    indirect enum Element {
        case text(String)
        case children([(String, Element?)])
    }
}
