public import SigV4

/// Why a signed request is refused before any operation runs; each endpoint renders it in its
/// protocol's words (AWS JSON's `__type`, STS's XML, API Gateway's `{"message"}`).
public enum CallerRefusal: Error, Sendable, Equatable {
    /// The signature itself: missing parts, a mismatch, outside the window; or an unknown key under `--strict-credentials`.
    case signature(SigV4Verifier.Failure)
    /// A session token the emulator did not issue, or not for this key (AWS: "The security token included in the request is invalid").
    case invalidToken
    /// Temporary credentials past their expiry ("The security token included in the request is expired").
    case expiredToken
    /// The credential scope names another service ("Credential should be scoped to correct service: 'sts'.").
    case wrongService(String)

    /// AWS's message.
    public var message: String {
        switch self {
        case .signature(let failure):
            switch failure {
            case .signatureMismatch: return SigV4Verifier.Failure.mismatchMessage
            case .incomplete(let reason): return reason
            case .missing: return "Request is missing Authentication Token"
            case .unknownAccessKey, .invalidSessionToken: return "The security token included in the request is invalid."
            case .expired: return "Signature expired"
            case .outsideWindow(let requestTime, let serverTime):
                return SigV4Verifier.windowMessage(requestTime: requestTime, serverTime: serverTime)
            }
        case .invalidToken: return "The security token included in the request is invalid."
        case .expiredToken: return "The security token included in the request is expired"
        case .wrongService(let service): return "Credential should be scoped to correct service: '\(service)'. "
        }
    }
}
