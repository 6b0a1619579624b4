import EmulatorCore

/// The event a Lambda TOKEN authorizer receives.
/// See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
public struct APIGatewayTokenAuthorizerEvent: Codable, Sendable {
    /// `TOKEN`.
    public var type: String
    /// The identity source header's value.
    public var authorizationToken: String
    /// `arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>`.
    public var methodArn: String
}

/// The event a Lambda REQUEST authorizer receives: the request's parts and its method ARN.
public struct APIGatewayRequestAuthorizerEvent: Codable, Sendable {
    /// `REQUEST`.
    public var type: String
    /// The method ARN.
    public var methodArn: String
    /// The resource path.
    public var resource: String
    /// The path.
    public var path: String
    /// The method.
    public var httpMethod: String
    /// Headers.
    public var headers: [String: String]?
    /// Headers with every value.
    public var multiValueHeaders: [String: [String]]?
    /// Query string parameters.
    public var queryStringParameters: [String: String]?
    /// Query string parameters with every value.
    public var multiValueQueryStringParameters: [String: [String]]?
    /// Path parameters.
    public var pathParameters: [String: String]?
    /// Stage variables.
    public var stageVariables: [String: String]?
    /// The request context (without an authorizer).
    public var requestContext: APIGatewayProxyRequest.RequestContext
}

/// What a Lambda authorizer answers: a principal, an IAM policy over `execute-api:Invoke`, and context.
public struct APIGatewayAuthorizerResponse: Codable, Sendable {
    /// An IAM policy document.
    public struct PolicyDocument: Codable, Sendable {
        /// `Version`.
        public var Version: String?
        /// `Statement`.
        public var Statement: [Statement]
    }

    /// One statement; `Action` and `Resource` may be a string or a list in JSON.
    public struct Statement: Codable, Sendable {
        /// `Effect`: `Allow` or `Deny`.
        public var Effect: String
        /// `Action`.
        public var Action: StringList
        /// `Resource`.
        public var Resource: StringList
    }

    /// A JSON string or list of strings.
    public struct StringList: Codable, Sendable {
        /// The strings.
        public var values: [String]

        /// Decodes either form.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) { values = [single] } else { values = try container.decode([String].self) }
        }

        /// Encodes a list.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(values)
        }
    }

    /// A context value: string, number or boolean (API Gateway passes them on as strings).
    public struct ContextValue: Codable, Sendable {
        /// The value as text.
        public var text: String

        /// Decodes a string, number or boolean.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let bool = try? container.decode(Bool.self) {
                text = bool ? "true" : "false"
            } else if let int = try? container.decode(Int.self) {
                text = String(int)
            } else {
                text = String(try container.decode(Double.self))
            }
        }

        /// Encodes the text.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }

    /// `principalId`.
    public var principalId: String?
    /// `policyDocument`.
    public var policyDocument: PolicyDocument
    /// `context`.
    public var context: [String: ContextValue]?
}

extension APIGatewayAuthorizerResponse.PolicyDocument {
    /// The document as a policy to evaluate `execute-api:Invoke` against.
    var policy: IAMPolicy {
        IAMPolicy(
            statements: Statement.map { IAMPolicy.Statement(allow: $0.Effect == "Allow", actions: $0.Action.values, resources: $0.Resource.values) }
        )
    }
}
