public import YAML

/// One HTTP route of the service, derived from a function's `http` or `httpApi` event.
public struct Route: Sendable, Hashable {
    /// Which kind of API Gateway API serves it.
    public enum API: String, Sendable, Hashable {
        /// A REST API (`http` events, payload 1.0); its URLs start with the stage.
        case rest
        /// An HTTP API (`httpApi` events); its `$default` stage has no path prefix.
        case http
    }

    /// The API kind.
    public var api: API
    /// `GET`, `POST`, …, `ANY` (REST) or `*` (HTTP API catch-all).
    public var method: String
    /// The resource path, starting with `/` (`/user/{id}`), or `*`.
    public var path: String
    /// The key of the function under `functions`.
    public var functionKey: String
    /// The authorizer's kind (`COGNITO_USER_POOLS`, `TOKEN`, `REQUEST`, `AWS_IAM`, `JWT`), or nil.
    public var authorizer: String?
    /// Where the event is declared.
    public var mark: Mark

    /// The path under which the emulator serves it (``ServerlessService/apiPaths``): `/{stage}/path` for
    /// REST, the path itself for HTTP APIs, unless `custom.serverless-offline` says otherwise.
    public func urlPath(in paths: APIPaths) -> String {
        paths.urlPath(path, api: api)
    }
}
