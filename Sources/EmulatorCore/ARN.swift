/// An Amazon Resource Name: `arn:<partition>:<service>:<region>:<account>:<resource>`.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
///
/// ```swift
/// let arn = ARN.lambdaFunction("svc-dev-hello", region: "us-east-1", account: "000000000000")
/// arn.description            // arn:aws:lambda:us-east-1:000000000000:function:svc-dev-hello
/// ARN(parsing: arn.description)?.resource   // function:svc-dev-hello
/// ```
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    /// `aws`.
    public var partition: String
    /// The service namespace (`lambda`, `cognito-idp`, `iam`).
    public var service: String
    /// The region; empty for global services (IAM).
    public var region: String
    /// The account ID; empty for some resources (an S3 bucket).
    public var account: String
    /// What follows the account: `function:name`, `userpool/us-east-1_abc`, `role/name`.
    public var resource: String

    /// Creates an ARN from its parts.
    public init(partition: String = "aws", service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Reads an ARN, or nil when the text has fewer than six `:`-separated parts or does not start with `arn:`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        self.init(
            partition: String(parts[1]),
            service: String(parts[2]),
            region: String(parts[3]),
            account: String(parts[4]),
            resource: String(parts[5])
        )
    }

    /// The ARN as text.
    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// The resource's last path element: the pool ID of `userpool/<id>`, the name of `function:<name>`.
    public var resourceName: Substring {
        resource.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? Substring(resource)
    }

    /// `arn:aws:lambda:<region>:<account>:function:<name>`.
    public static func lambdaFunction(_ name: String, region: String, account: String) -> ARN {
        ARN(service: "lambda", region: region, account: account, resource: "function:\(name)")
    }

    /// `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`.
    public static func userPool(_ id: String, region: String, account: String) -> ARN {
        ARN(service: "cognito-idp", region: region, account: account, resource: "userpool/\(id)")
    }

    /// `arn:aws:iam::<account>:role/<name>`.
    public static func role(_ name: String, account: String) -> ARN {
        ARN(service: "iam", region: "", account: account, resource: "role/\(name)")
    }

    /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`: the principal of a function running under its role.
    public static func assumedRole(_ role: String, session: String, account: String) -> ARN {
        ARN(service: "sts", region: "", account: account, resource: "assumed-role/\(role)/\(session)")
    }

    /// `arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD><path>`: what an authorizer's policy names.
    public static func executeAPI(api: String, stage: String, method: String, path: String, region: String, account: String) -> ARN {
        ARN(service: "execute-api", region: region, account: account, resource: "\(api)/\(stage)/\(method)\(path)")
    }

    /// `arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>`.
    public static func stack(_ name: String, id: String, region: String, account: String) -> ARN {
        ARN(service: "cloudformation", region: region, account: account, resource: "stack/\(name)/\(id)")
    }
}
