/// What a load may take from outside the file: CLI options, the process environment, the account.
public struct LoadOptions: Sendable {
    /// `--stage`: overrides `provider.stage` and answers `${opt:stage}`.
    public var stage: String?
    /// `--region`: overrides `provider.region` and answers `${opt:region}`.
    public var region: String?
    /// Further `${opt:NAME}` values.
    public var cliOptions: [String: String]
    /// The environment `${env:NAME}` reads.
    public var environment: [String: String]
    /// The account ID the emulator uses in ARNs and for `${aws:accountId}`.
    public var accountID: String
    /// `--param KEY=VALUE`: `${param:KEY}`, before the configuration's `params`.
    public var params: [String: String] = [:]
    /// `--values FILE`: offline values by variable text (default: `.emulate/values.yml` beside the
    /// configuration, when it exists).
    public var valuesFile: String?

    /// The account ID used when none is given, as LocalStack uses.
    public static let defaultAccountID = "000000000000"

    /// Creates load options.
    /// - Parameters:
    ///   - stage: The stage override.
    ///   - region: The region override.
    ///   - cliOptions: More `${opt:}` values.
    ///   - environment: What `${env:}` reads (pass `ProcessInfo.processInfo.environment` for the real one).
    ///   - accountID: The emulated account.
    public init(
        stage: String? = nil,
        region: String? = nil,
        cliOptions: [String: String] = [:],
        environment: [String: String] = [:],
        accountID: String = LoadOptions.defaultAccountID
    ) {
        self.stage = stage
        self.region = region
        self.cliOptions = cliOptions
        self.environment = environment
        self.accountID = accountID
    }

    /// The value of `${opt:name}`.
    func option(_ name: String) -> String? {
        switch name {
        case "stage", "s": return stage ?? cliOptions[name]
        case "region", "r": return region ?? cliOptions[name]
        default: return cliOptions[name]
        }
    }
}
