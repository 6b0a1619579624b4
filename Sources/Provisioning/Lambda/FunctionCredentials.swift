import EmulatorCrypto

/// The AWS credentials the emulator issues to one function (its environment's `AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`): distinct per function and stable across runs, so a
/// request signed with them says which function made it.
public struct FunctionCredentials: Sendable, Hashable {
    /// `ASIA` and 16 characters, as temporary credentials' keys look.
    public var accessKeyID: String
    /// 40 characters of base64.
    public var secretAccessKey: String
    /// The session token.
    public var sessionToken: String

    /// The credentials of the function `functionARN`.
    public init(functionARN: String) {
        let digest = Digest.sha256(Array("emulate function credentials \(functionARN)".utf8))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        accessKeyID = "ASIA" + String(digest.prefix(16).map { alphabet[Int($0) % alphabet.count] })
        secretAccessKey = String(Base64URL.encode(digest.suffix(30)).prefix(40))
        sessionToken = "emulate-session/" + Base64URL.encode(Digest.sha256(Array("session \(functionARN)".utf8)))
    }
}
