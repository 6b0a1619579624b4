/// An error that renders itself as the HTTP answer AWS sends for it, as Hummingbird's
/// `HTTPResponseError` does: each service's errors (API Gateway's, Cognito's, STS's) produce
/// their exact status, headers and body in one place, and the listeners only copy them out.
public protocol WireError: Error, Sendable {
    /// The HTTP status.
    var status: Int { get }
    /// The headers AWS adds (`Content-Type`, `x-amzn-ErrorType`), in order.
    var headers: [(name: String, value: String)] { get }
    /// The body, byte for byte.
    var body: [UInt8] { get }
}
