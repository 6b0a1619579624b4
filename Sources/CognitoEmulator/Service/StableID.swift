import EmulatorCrypto

/// IDs derived from the service, stage and logical ID, so the same serverless.yml gets the same
/// pool and client IDs on every start (and persisted state stays attached to them).
enum StableID {
    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    private static let lowercase = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// `<region>_<9 alphanumerics>`.
    static func poolID(region: String, service: String, stage: String, logicalID: String) -> String {
        region + "_" + characters(9, from: alphanumerics, seed: "pool|\(service)|\(stage)|\(logicalID)")
    }

    /// 26 lower-case alphanumerics.
    static func clientID(service: String, stage: String, logicalID: String) -> String {
        characters(26, from: lowercase, seed: "client|\(service)|\(stage)|\(logicalID)")
    }

    /// A random client secret of 51 lower-case alphanumerics, as Cognito's look.
    static func clientSecret() -> String {
        String(SecureRandom.bytes(51).map { lowercase[Int($0) % lowercase.count] })
    }

    private static func characters(_ count: Int, from alphabet: [Character], seed: String) -> String {
        var digest = Digest.sha256(Array(seed.utf8))
        var result = ""
        while result.count < count {
            for byte in digest where result.count < count { result.append(alphabet[Int(byte) % alphabet.count]) }
            digest = Digest.sha256(digest)
        }
        return result
    }
}
