import CognitoEmulator
import Foundation
import SigV4

/// The credentials the emulator issued (each function's), with what they stand for: requests signed
/// with them are verified (SigV4) and run under that function's role. Requests with any other access
/// key are accepted unchecked with full access, so users' own tools with dummy keys keep working.
struct IssuedCredentials: Sendable {
    struct Holder: Sendable {
        var secret: SigV4Verifier.Secret
        var caller: CognitoCaller
    }

    let holders: [String: Holder]

    /// The caller of a signed request, `.success(nil)` for a key the emulator did not issue (or no
    /// signature), or the error AWS's JSON protocol answers.
    ///
    /// `X-Amz-Date` may be within 15 minutes of the emulator's clock or of the wall clock: processes
    /// sign with the wall clock, and a test that moves the emulator's clock (to expire tokens) must not
    /// make every SDK call of its functions fail.
    func caller(of request: SigV4.Request, now: Double, wallClock: Double = Date().timeIntervalSince1970) -> Result<CognitoCaller?, CognitoError> {
        guard let accessKey = SigV4Verifier.claimedAccessKey(request), let holder = holders[accessKey] else { return .success(nil) }
        switch SigV4Verifier { holders[$0]?.secret }.verify(request, clocks: [now, wallClock]) {
        case .success: return .success(holder.caller)
        case .failure(let failure): return .failure(Self.error(failure))
        }
    }

    /// AWS's answer to each failure, on its JSON protocols.
    static func error(_ failure: SigV4Verifier.Failure) -> CognitoError {
        switch failure {
        case .signatureMismatch: return .invalidSignature(SigV4Verifier.Failure.mismatchMessage)
        case .incomplete(let reason): return .incompleteSignature(reason)
        case .missing: return .incompleteSignature("Request is missing Authentication Token")
        case .unknownAccessKey, .invalidSessionToken: return .unrecognizedClient()
        case .expired: return .invalidSignature("Signature expired")
        case .outsideWindow(let requestTime, let serverTime):
            return .invalidSignature(
                requestTime < serverTime
                    ? "Signature expired: \(requestTime) is now earlier than \(serverTime) (\(serverTime) - 15 min.)"
                    : "Signature not yet current: \(requestTime) is still later than \(serverTime) (\(serverTime) + 15 min.)"
            )
        }
    }
}
