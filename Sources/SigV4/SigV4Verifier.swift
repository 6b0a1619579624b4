import EmulatorCore
import EmulatorCrypto

/// Checks a request's SigV4 signature — in the `Authorization` header or a pre-signed URL's query —
/// against the secret of its access key, within AWS's 15-minute window (or the URL's `X-Amz-Expires`).
public struct SigV4Verifier: Sendable {
    /// Why a signature is not accepted; each maps to the error AWS's protocols answer.
    public enum Failure: Error, Sendable, Equatable {
        /// Parts of the signature are missing or malformed (`IncompleteSignatureException`); says which.
        case incomplete(String)
        /// No signature at all.
        case missing
        /// The access key is not one the verifier knows (`UnrecognizedClientException`, `InvalidClientTokenId`).
        case unknownAccessKey(String)
        /// The signature is not the one computed (`InvalidSignatureException`, `SignatureDoesNotMatch`).
        case signatureMismatch
        /// `X-Amz-Date` is more than 15 minutes from the clock (AWS's "Signature expired" text), with both times.
        case outsideWindow(requestTime: String, serverTime: String)
        /// A pre-signed URL past `X-Amz-Expires`.
        case expired
        /// The session token does not belong to the access key.
        case invalidSessionToken

        /// AWS's text for a signature that does not match.
        public static let mismatchMessage =
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
    }

    /// What the verifier knows of an access key.
    public struct Secret: Sendable {
        /// The secret access key.
        public var secretAccessKey: String
        /// The session token that must come with it, for temporary credentials.
        public var sessionToken: String?

        /// Creates a secret.
        public init(secretAccessKey: String, sessionToken: String? = nil) {
            self.secretAccessKey = secretAccessKey
            self.sessionToken = sessionToken
        }
    }

    /// How far `X-Amz-Date` may be from the clock: 15 minutes.
    public static let window = 15.0 * 60

    let secret: @Sendable (String) -> Secret?

    /// A verifier that finds secrets by access key ID.
    public init(secret: @escaping @Sendable (String) -> Secret?) {
        self.secret = secret
    }

    /// The credential of a correctly signed request, or why it is not.
    /// - Parameter now: The emulator's time, in seconds since 1970.
    public func verify(_ request: SigV4.Request, now: Double) -> Result<SigV4.Credential, Failure> {
        verify(request, clocks: [now])
    }

    /// Like ``verify(_:now:)``, with the date checked against several clocks: it may be within the
    /// window of any (a failure names the first).
    public func verify(_ request: SigV4.Request, clocks: [Double]) -> Result<SigV4.Credential, Failure> {
        switch Self.claim(request) {
        case .success(let claim): return Self.verify(claim, of: request, clocks: clocks, secret: secret(claim.accessKeyID))
        case .failure(let failure): return .failure(failure)
        }
    }

    /// What a signed request claims, read once: its key, session token and the signature's parts.
    public struct Claim: Sendable {
        let parsed: Parsed
        /// The access key ID of the credential.
        public var accessKeyID: String { parsed.credential.accessKeyID }
        /// `X-Amz-Security-Token`, when sent.
        public var sessionToken: String? { parsed.sessionToken }
    }

    /// Reads the signature of `request` (the `Authorization` header or a pre-signed query) without checking it.
    public static func claim(_ request: SigV4.Request) -> Result<Claim, Failure> {
        parse(request).map(Claim.init)
    }

    /// Checks a claim against the key's secret (nil: a key the verifier does not know), with the
    /// date checked against `clocks` and the signing key taken from `keys` when it has it.
    public static func verify(
        _ claim: Claim,
        of request: SigV4.Request,
        clocks: [Double],
        secret: Secret?,
        keys: SigningKeyCache? = nil
    ) -> Result<SigV4.Credential, Failure> {
        let parsed = claim.parsed
        guard let requestTime = Self.time(parsed.amzDate) else { return .failure(.incomplete("X-Amz-Date '\(parsed.amzDate)' is not a date")) }
        guard !clocks.isEmpty else { return .failure(.outsideWindow(requestTime: parsed.amzDate, serverTime: "-")) }
        let outcomes = clocks.map { Self.checkTime(requestTime, parsed, now: $0) }
        if !outcomes.contains(where: { $0 == nil }), let first = outcomes.first, let failure = first { return .failure(failure) }
        guard parsed.credential.date == String(parsed.amzDate.prefix(8)) else {
            return .failure(.incomplete("the credential's date \(parsed.credential.date) is not X-Amz-Date's"))
        }
        guard let secret else { return .failure(.unknownAccessKey(parsed.credential.accessKeyID)) }
        if let required = secret.sessionToken, parsed.sessionToken != required { return .failure(.invalidSessionToken) }
        // The operation of an AWS JSON request is its X-Amz-Target: left out of the signature, a captured
        // request could be sent again as another operation on the same body (DescribeUserPool → DeleteUserPool).
        // An API's own request (`execute-api`) may carry such a header for its handler, unsigned.
        if parsed.credential.service != "execute-api", !request.headerValues("X-Amz-Target").isEmpty,
            !parsed.signedHeaders.contains("x-amz-target")
        {
            return .failure(.incomplete("X-Amz-Target must be signed: add it to SignedHeaders"))
        }
        let canonical = SigV4.canonicalRequest(
            request,
            signedHeaders: parsed.signedHeaders,
            payloadHash: parsed.payloadHash,
            excludingQuery: parsed.expires == nil ? nil : "X-Amz-Signature"
        )
        let toSign = SigV4.stringToSign(canonicalRequest: canonical, amzDate: parsed.amzDate, credential: parsed.credential)
        let key =
            keys?.key(secret: secret.secretAccessKey, credential: parsed.credential)
            ?? SigV4.signingKey(secret: secret.secretAccessKey, credential: parsed.credential)
        let expected = SigV4.signature(toSign, signingKey: key)
        guard Digest.constantTimeEquals(Array(expected.utf8), Array(parsed.signature.lowercased().utf8)) else { return .failure(.signatureMismatch) }
        return .success(parsed.credential)
    }

    /// AWS's text for an `X-Amz-Date` outside the window: "Signature expired: <request> is now earlier
    /// than <server − 15 min> (<server> - 15 min.)", or "Signature not yet current: … is still later than …".
    public static func windowMessage(requestTime: String, serverTime: String) -> String {
        let server = time(serverTime)
        if requestTime < serverTime {
            let bound = server.map { amzDate($0 - window) } ?? serverTime
            return "Signature expired: \(requestTime) is now earlier than \(bound) (\(serverTime) - 15 min.)"
        }
        let bound = server.map { amzDate($0 + window) } ?? serverTime
        return "Signature not yet current: \(requestTime) is still later than \(bound) (\(serverTime) + 15 min.)"
    }

    /// Why `requestTime` is not acceptable at `now`, or nil when it is.
    private static func checkTime(_ requestTime: Double, _ parsed: Parsed, now: Double) -> Failure? {
        if let expires = parsed.expires {
            if now > requestTime + Double(expires) { return .expired }
            if requestTime > now + window { return .outsideWindow(requestTime: parsed.amzDate, serverTime: amzDate(now)) }
        } else if abs(now - requestTime) > window {
            return .outsideWindow(requestTime: parsed.amzDate, serverTime: amzDate(now))
        }
        return nil
    }

    /// The session token a signed request carries (`X-Amz-Security-Token`, in the header or the pre-signed query).
    public static func claimedSessionToken(_ request: SigV4.Request) -> String? {
        if case .success(let parsed) = parse(request) { return parsed.sessionToken }
        return request.headerValues("X-Amz-Security-Token").first ?? queryParameters(request.query)["X-Amz-Security-Token"]
    }

    /// The access key a request claims, without checking anything (to say who called when checks are off).
    public static func claimedAccessKey(_ request: SigV4.Request) -> String? {
        if case .success(let parsed) = parse(request) { return parsed.credential.accessKeyID }
        // A malformed signature still names its key: the verifier then says what is wrong with it.
        let text = request.headerValues("Authorization").first ?? queryParameters(request.query)["X-Amz-Credential"].map { "Credential=\($0)" } ?? ""
        guard let start = text.firstRange(of: "Credential=") else { return nil }
        let key = text[start.upperBound...].prefix { $0 != "/" && $0 != "," && $0 != " " }
        return key.isEmpty ? nil : String(key)
    }

    struct Parsed: Sendable {
        var credential: SigV4.Credential
        var signedHeaders: [String]
        var signature: String
        var amzDate: String
        var payloadHash: String
        var sessionToken: String?
        var expires: Int?
    }

    static func parse(_ request: SigV4.Request) -> Result<Parsed, Failure> {
        let authorizations = request.headerValues("Authorization")
        // Two signatures on one request: whichever a check read, the other could say something else.
        guard authorizations.count < 2 else { return .failure(.incomplete("the request has more than one Authorization header")) }
        if let authorization = authorizations.first {
            return parseHeader(authorization, request)
        }
        let query = queryParameters(request.query)
        if query["X-Amz-Algorithm"] != nil { return parsePresigned(query) }
        return .failure(.missing)
    }

    private static func parseHeader(_ authorization: String, _ request: SigV4.Request) -> Result<Parsed, Failure> {
        guard authorization.hasPrefix(SigV4.algorithm + " ") else {
            return .failure(.incomplete("Authorization header requires the \(SigV4.algorithm) algorithm"))
        }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst(SigV4.algorithm.count + 1).split(separator: ",") {
            let pieces = part.trimmingSpaces.split(separator: "=", maxSplits: 1)
            if pieces.count == 2 { fields[String(pieces[0])] = String(pieces[1]) }
        }
        var missing: [String] = []
        for name in ["Credential", "Signature", "SignedHeaders"] where fields[name] == nil { missing.append(name) }
        let amzDate = request.headerValues("X-Amz-Date").first ?? ""
        if amzDate.isEmpty { missing.append("X-Amz-Date") }
        guard missing.isEmpty, let credentialText = fields["Credential"], let signature = fields["Signature"], let signed = fields["SignedHeaders"]
        else {
            return .failure(.incomplete("Authorization header requires \(missing.map { "'\($0)'" }.joined(separator: ", "))"))
        }
        guard let credential = credential(credentialText) else { return .failure(.incomplete("Credential '\(credentialText)' is malformed")) }
        let signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
        guard signedHeaders.contains("host") else { return .failure(.incomplete("SignedHeaders must include host")) }
        let bodyHash = SigV4.hex(Digest.sha256(request.body))
        let payloadHash = request.headerValues("X-Amz-Content-Sha256").first ?? bodyHash
        // A claimed hash must be the body's (UNSIGNED-PAYLOAD excepted), or the body would not be signed.
        guard payloadHash == bodyHash || payloadHash == SigV4.unsignedPayload else {
            return .failure(.incomplete("X-Amz-Content-Sha256 is not the hash of the body"))
        }
        return .success(
            Parsed(
                credential: credential,
                signedHeaders: signedHeaders,
                signature: signature,
                amzDate: amzDate,
                payloadHash: payloadHash,
                sessionToken: request.headerValues("X-Amz-Security-Token").first,
                expires: nil
            )
        )
    }

    private static func parsePresigned(_ query: [String: String]) -> Result<Parsed, Failure> {
        guard query["X-Amz-Algorithm"] == SigV4.algorithm else { return .failure(.incomplete("X-Amz-Algorithm must be \(SigV4.algorithm)")) }
        let required = ["X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires"]
        let missing = required.filter { query[$0] == nil }
        guard missing.isEmpty else { return .failure(.incomplete("the query requires \(missing.joined(separator: ", "))")) }
        guard let credential = credential(query["X-Amz-Credential"]!) else { return .failure(.incomplete("X-Amz-Credential is malformed")) }
        guard let expires = Int(query["X-Amz-Expires"]!), (1...604_800).contains(expires) else {
            return .failure(.incomplete("X-Amz-Expires must be between 1 and 604800 seconds"))
        }
        return .success(
            Parsed(
                credential: credential,
                signedHeaders: query["X-Amz-SignedHeaders"]!.split(separator: ";").map { $0.lowercased() },
                signature: query["X-Amz-Signature"]!,
                amzDate: query["X-Amz-Date"]!,
                payloadHash: SigV4.unsignedPayload,
                sessionToken: query["X-Amz-Security-Token"],
                expires: expires
            )
        )
    }

    private static func credential(_ text: String) -> SigV4.Credential? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[4] == "aws4_request", !parts[0].isEmpty, parts[1].count == 8 else { return nil }
        return SigV4.Credential(accessKeyID: parts[0], date: parts[1], region: parts[2], service: parts[3])
    }

    static func queryParameters(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in query.split(separator: "&") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[SigV4.percentDecode(String(pieces[0]))] = pieces.count > 1 ? SigV4.percentDecode(String(pieces[1])) : ""
        }
        return result
    }

    /// `20150830T123600Z` → seconds since 1970.
    static func time(_ amzDate: String) -> Double? {
        let bytes = Array(amzDate.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second < 61
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSince1970
        return Double(days * 86400 + hour * 3600 + minute * 60 + second)
    }

    /// Seconds since 1970 → `20150830T123600Z`.
    static func amzDate(_ time: Double) -> String {
        let (date, rest) = CivilDate.split(secondsSince1970: Int(time.rounded(.down)))
        let (year, month, day) = (date.year, date.month, date.day)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)\(two(month))\(two(day))T\(two(rest / 3600))\(two(rest % 3600 / 60))\(two(rest % 60))Z"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
