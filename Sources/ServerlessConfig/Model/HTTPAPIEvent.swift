public import YAML

/// An `httpApi` event: an HTTP API route in front of the function.
/// See https://www.serverless.com/framework/docs/providers/aws/events/http-api
public struct HTTPAPIEvent: Sendable {
    /// The method (`GET`, …) or `*` for any.
    public var method: String
    /// The path (`/users/{id}`), or `*` for the catch-all route.
    public var path: String
    /// The route's authorizer, if any.
    public var authorizer: RouteAuthorizer?
    /// Where it is declared.
    public var mark: Mark

    /// How an `httpApi` route is authorized.
    public enum RouteAuthorizer: Sendable {
        /// One of `provider.httpApi.authorizers`, by name, with the scopes the route requires.
        case named(String, scopes: [String])
        /// `type: aws_iam`.
        case awsIAM
        /// `id`: an authorizer created elsewhere.
        case existing(id: CFValue)

        /// The kind as API Gateway names it, looked up in the provider's authorizers.
        func summary(in settings: HTTPAPISettings?) -> String {
            switch self {
            case .named(let name, _):
                switch settings?.authorizers.first(where: { $0.name == name })?.kind {
                case .jwt: return "JWT"
                case .request: return "REQUEST"
                case nil: return "CUSTOM"
                }
            case .awsIAM: return "AWS_IAM"
            case .existing: return "CUSTOM"
            }
        }
    }
}
