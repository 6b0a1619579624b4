import EmulatorCrypto

/// AWS Signature Version 4 as the emulator's endpoints check it: the canonical request, the string to
/// sign, the signing key and the signature, for the `Authorization` header and for pre-signed URLs.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
public enum SigV4 {
    /// The only algorithm AWS's SDKs sign with here.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The payload hash a client may send instead of the body's.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// SHA-256 of the empty string, in hex.
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// A request as it arrived: the method, the path and query exactly as sent (still percent-encoded),
    /// the headers in order, and the body (or its hash, when the caller has it).
    public struct Request: Sendable {
        /// `GET`, `POST`, …
        public var method: String
        /// The path as sent, percent-encoding kept.
        public var path: String
        /// The query as sent, without `?`.
        public var query: String
        /// The headers, names as sent.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: [UInt8]

        /// Creates a request.
        public init(method: String, path: String, query: String, headers: [(name: String, value: String)], body: [UInt8]) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }

        /// The values of a header, in order (names compared case-insensitively).
        public func headerValues(_ name: String) -> [String] {
            let lowered = name.lowercased()
            return headers.filter { $0.name.lowercased() == lowered }.map(\.value)
        }
    }

    /// The credential scope: `AKID/20150830/us-east-1/iam/aws4_request`.
    public struct Credential: Sendable, Equatable {
        /// The access key ID.
        public var accessKeyID: String
        /// `YYYYMMDD`.
        public var date: String
        /// The region.
        public var region: String
        /// The service (`cognito-idp`, `execute-api`, `sts`, `lambda`, …).
        public var service: String

        /// `date/region/service/aws4_request`.
        public var scope: String { "\(date)/\(region)/\(service)/aws4_request" }
    }

    /// The canonical request of `request` over `signedHeaders` (lower-case names) with `payloadHash`;
    /// `excludingQuery` names a query parameter left out (`X-Amz-Signature` of a pre-signed URL).
    public static func canonicalRequest(
        _ request: Request,
        signedHeaders: [String],
        payloadHash: String,
        excludingQuery: String? = nil
    ) -> String {
        var lines = [request.method.uppercased(), canonicalURI(request.path), canonicalQuery(request.query, excluding: excludingQuery)]
        var headerLines: [String] = []
        for name in signedHeaders {
            let values = request.headerValues(name).map { trimAll($0) }
            headerLines.append("\(name):\(values.joined(separator: ","))")
        }
        lines.append(headerLines.joined(separator: "\n") + "\n")
        lines.append(signedHeaders.joined(separator: ";"))
        lines.append(payloadHash)
        return lines.joined(separator: "\n")
    }

    /// The string to sign for a canonical request.
    public static func stringToSign(canonicalRequest: String, amzDate: String, credential: Credential) -> String {
        [algorithm, amzDate, credential.scope, hex(Digest.sha256(Array(canonicalRequest.utf8)))].joined(separator: "\n")
    }

    /// The signature (hex) of `stringToSign` with `secret` for `credential`'s scope.
    public static func signature(_ stringToSign: String, secret: String, credential: Credential) -> String {
        signature(stringToSign, signingKey: signingKey(secret: secret, credential: credential))
    }

    /// The signature (hex) of `stringToSign` with a derived signing key.
    public static func signature(_ stringToSign: String, signingKey: [UInt8]) -> String {
        hex(Digest.hmacSHA256(key: signingKey, message: Array(stringToSign.utf8)))
    }

    /// The signing key of `credential`'s scope (date, region, service): four HMACs from the secret.
    public static func signingKey(secret: String, credential: Credential) -> [UInt8] {
        var key = Digest.hmacSHA256(key: Array("AWS4\(secret)".utf8), message: Array(credential.date.utf8))
        for part in [credential.region, credential.service, "aws4_request"] {
            key = Digest.hmacSHA256(key: key, message: Array(part.utf8))
        }
        return key
    }

    /// The path as AWS canonicalizes it for every service but S3: dot segments and repeated slashes removed, then each
    /// byte outside `A–Z a–z 0–9 - _ . ~ /` percent-encoded (so what the client encoded is encoded twice).
    static func canonicalURI(_ path: String) -> String {
        let normalized = removeDotSegments(path.isEmpty ? "/" : path)
        return percentEncode(normalized, keepSlash: true)
    }

    /// Query parameters decoded, encoded strictly, sorted by name then value.
    static func canonicalQuery(_ query: String, excluding excluded: String?) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Decoded and encoded as bytes: an encoded byte that is not UTF-8 (`%FF`) must come back as itself.
            let name = percentDecodedBytes(String(pieces[0]))
            if let excluded, name == Array(excluded.utf8) { continue }
            let value = pieces.count > 1 ? percentDecodedBytes(String(pieces[1])) : []
            pairs.append((percentEncode(bytes: name, keepSlash: false), percentEncode(bytes: value, keepSlash: false)))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// RFC 3986's dot-segment removal, with consecutive slashes collapsed as AWS's services require
    /// (botocore's `remove_dot_segments`).
    private static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return first + output.joined(separator: "/") + last
    }

    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8))

    static func percentEncode(_ text: String, keepSlash: Bool) -> String {
        percentEncode(bytes: Array(text.utf8), keepSlash: keepSlash)
    }

    static func percentEncode(bytes: [UInt8], keepSlash: Bool) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if unreserved.contains(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with its `%XX` escapes decoded (invalid UTF-8 replaced).
    public static func percentDecode(_ text: String) -> String {
        String(decoding: percentDecodedBytes(text), as: UTF8.self)
    }

    static func percentDecodedBytes(_ text: String) -> [UInt8] {
        var output = [UInt8]()
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
