/// A user pool's password policy.
/// See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
public struct PasswordPolicy: Sendable, Hashable, Codable {
    /// `MinimumLength` (6 to 99).
    public var MinimumLength: Int
    /// `RequireUppercase`.
    public var RequireUppercase: Bool
    /// `RequireLowercase`.
    public var RequireLowercase: Bool
    /// `RequireNumbers`.
    public var RequireNumbers: Bool
    /// `RequireSymbols`.
    public var RequireSymbols: Bool
    /// `TemporaryPasswordValidityDays`.
    public var TemporaryPasswordValidityDays: Int

    /// Cognito's policy when a pool names none: 8 characters, all four character classes, 7-day temporary passwords.
    public static let cognitoDefault = PasswordPolicy(
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7
    )

    /// The characters Cognito counts as symbols.
    static let symbols = Set("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ")

    /// Why `password` breaks the policy, as Cognito words it, or nil when it complies.
    package func violation(of password: String) -> String? {
        let prefix = "Password did not conform with policy: "
        if password.count < MinimumLength { return prefix + "Password not long enough" }
        if RequireLowercase, !password.contains(where: { $0.isLowercase }) { return prefix + "Password must have lowercase characters" }
        if RequireUppercase, !password.contains(where: { $0.isUppercase }) { return prefix + "Password must have uppercase characters" }
        if RequireNumbers, !password.contains(where: { $0.isASCII && $0.isNumber }) { return prefix + "Password must have numeric characters" }
        if RequireSymbols, !password.contains(where: { Self.symbols.contains($0) }) { return prefix + "Password must have symbol characters" }
        return nil
    }

    /// A random password that satisfies the policy (for AdminCreateUser without TemporaryPassword).
    package func generatePassword() -> String {
        let lower = Array("abcdefghijkmnopqrstuvwxyz")
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789")
        let symbols = Array("^$*.!@#%&")
        var characters = [lower.randomElement()!, upper.randomElement()!, digits.randomElement()!, symbols.randomElement()!]
        let all = lower + upper + digits + symbols
        while characters.count < max(MinimumLength, 12) { characters.append(all.randomElement()!) }
        return String(characters.shuffled())
    }

    /// Creates the value (the service builds it; it is decoded elsewhere).
    package init(
        MinimumLength: Int,
        RequireUppercase: Bool,
        RequireLowercase: Bool,
        RequireNumbers: Bool,
        RequireSymbols: Bool,
        TemporaryPasswordValidityDays: Int
    ) {
        self.MinimumLength = MinimumLength
        self.RequireUppercase = RequireUppercase
        self.RequireLowercase = RequireLowercase
        self.RequireNumbers = RequireNumbers
        self.RequireSymbols = RequireSymbols
        self.TemporaryPasswordValidityDays = TemporaryPasswordValidityDays
    }
}
