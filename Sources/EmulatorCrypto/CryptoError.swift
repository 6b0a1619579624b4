/// A libcrypto call failed.
public struct CryptoError: Error, Sendable, CustomStringConvertible {
    /// What was being done, and libcrypto's reason.
    public let message: String

    init(_ operation: String) {
        self.message = "\(operation) failed: \(OpenSSLErrors.drain())"
    }

    /// The message.
    public var description: String { message }
}
