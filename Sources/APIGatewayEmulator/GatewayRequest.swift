import EmulatorCore

/// An HTTP request as the gateway sees it, independent of the server library that received it.
public struct GatewayRequest: Sendable {
    /// The method, upper-case.
    public var method: String
    /// The raw path including the stage (`/dev/user/login`), percent-encoded as received.
    public var path: String
    /// The raw query string without `?`, if any.
    public var query: String?
    /// Header name–value pairs in arrival order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]
    /// The client's address.
    public var sourceIP: String

    /// Creates a request.
    public init(
        method: String,
        path: String,
        query: String? = nil,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        sourceIP: String = "127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.sourceIP = sourceIP
    }

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.equalsIgnoringASCIICase(name) }?.value
    }
}

/// The gateway's answer.
public struct GatewayResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// Header name–value pairs (a name may repeat).
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]
    /// The function that handled it, if one was invoked.
    public var functionKey: String?
    /// The route that matched (`GET /items/{id}`, `$default`), if one did.
    public var route: String? = nil
    /// The request ID (`x-amzn-RequestId`).
    public var requestID: String

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
