import EmulatorCrypto

extension SigV4 {
    /// Signs `request` as an AWS SDK does: adds `x-amz-date` and an `Authorization` header over every
    /// header it carries (which must include `host`) and the SHA-256 of its body.
    /// - Parameters:
    ///   - request: The request; its path and query as they will be sent.
    ///   - accessKeyID: The key ID.
    ///   - secret: The secret access key.
    ///   - region: The region of the scope.
    ///   - service: The service of the scope (`cognito-idp`).
    ///   - amzDate: The signing time, `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func sign(_ request: inout Request, accessKeyID: String, secret: String, region: String, service: String, amzDate: String) {
        request.headers.append(("x-amz-date", amzDate))
        let credential = Credential(accessKeyID: accessKeyID, date: String(amzDate.prefix(8)), region: region, service: service)
        let signedHeaders = Array(Set(request.headers.map { $0.name.lowercased() })).sorted()
        let payloadHash = hex(Digest.sha256(request.body))
        let canonical = canonicalRequest(request, signedHeaders: signedHeaders, payloadHash: payloadHash)
        let signature = signature(
            stringToSign(canonicalRequest: canonical, amzDate: amzDate, credential: credential),
            secret: secret,
            credential: credential
        )
        request.headers.append(
            (
                "Authorization",
                "\(algorithm) Credential=\(accessKeyID)/\(credential.scope), SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
            )
        )
    }
}
