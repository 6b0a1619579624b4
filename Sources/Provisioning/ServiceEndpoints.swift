/// Where the emulator's listeners are, as provisioning needs them: every value holding a URL
/// (`!GetAtt Pool.ProviderURL`, issuers, endpoint variables) is built from these, after the
/// listeners have bound, so port 0 gives the right port.
public struct ServiceEndpoints: Sendable, Hashable {
    /// The host both listeners use.
    public var host: String
    /// The API Gateway port.
    public var apiPort: Int
    /// The Cognito (AWS endpoint) port.
    public var cognitoPort: Int
    /// The Lambda Invoke API's port, when it listens.
    public var lambdaPort: Int?

    /// Creates the endpoints.
    public init(host: String, apiPort: Int, cognitoPort: Int, lambdaPort: Int? = nil) {
        self.host = host
        self.apiPort = apiPort
        self.cognitoPort = cognitoPort
        self.lambdaPort = lambdaPort
    }

    /// `http://host:cognitoPort`: the AWS endpoint and the prefix of every issuer.
    public var cognitoBase: String { "http://\(Self.hostForURL(host)):\(cognitoPort)" }

    /// `http://host:lambdaPort`, when the Invoke API listens.
    public var lambdaBase: String? { lambdaPort.map { "http://\(Self.hostForURL(host)):\($0)" } }

    /// `http://host:apiPort`.
    public var apiBase: String { "http://\(Self.hostForURL(host)):\(apiPort)" }

    private static func hostForURL(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
