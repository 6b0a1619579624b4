/// The `custom.serverless-offline` settings the emulator honours, as serverless-offline reads them.
/// See https://github.com/dherault/serverless-offline#usage-and-command-line-options
public struct OfflinePluginSettings: Sendable, Hashable {
    /// `httpPort`: the API port when `--port` is not given.
    public var httpPort: Int?
    /// `lambdaPort`: the Lambda Invoke API's port when `--lambda-port` is not given.
    public var lambdaPort: Int?
    /// `noPrependStageInUrl`: REST routes are served at their own paths, without `/{stage}`.
    public var noPrependStageInUrl: Bool = false
    /// `prefix`: a path segment before every route of both APIs (`/prefix/{stage}/path`, `/prefix/path`).
    public var prefix: String?
    /// `noAuth`: every authorizer is turned off (routes are public; API keys are still required).
    public var noAuth: Bool = false

    /// No settings.
    public init() {}

    /// Where each API's routes start on the API port, for a service deployed to `stage`.
    public func paths(stage: String) -> APIPaths {
        let prefix = prefix.map { "/" + $0 } ?? ""
        return APIPaths(rest: prefix + (noPrependStageInUrl ? "" : "/" + stage), http: prefix)
    }
}

/// Where each API's routes start on the API port: `/{stage}` for the REST API and nothing for the
/// HTTP API's `$default` stage, as on AWS, unless `custom.serverless-offline` says otherwise.
public struct APIPaths: Sendable, Hashable {
    /// The REST API's base path (`/dev`; empty with `noPrependStageInUrl`).
    public var rest: String
    /// The HTTP API's base path (empty unless a `prefix` is given).
    public var http: String

    /// Base paths as given (each empty or starting with `/`, with no trailing `/`).
    public init(rest: String, http: String) {
        self.rest = rest
        self.http = http
    }

    /// The path of a route of `api` under its base path: `path` starts with `/` (or is `*`, the HTTP
    /// API's `$default` route, which stays `*`); the root of a base path is the base path itself (or `/`).
    public func urlPath(_ path: String, api: Route.API) -> String {
        let base = api == .rest ? rest : http
        if path == "*" { return path }
        if path == "/" { return base.isEmpty ? "/" : base }
        return base + path
    }

    /// The path under `api`'s base path, when `rawPath` is under it (`/` for the base path itself).
    public func path(under api: Route.API, of rawPath: String) -> String? {
        let base = api == .rest ? rest : http
        guard !base.isEmpty else { return rawPath }
        guard rawPath == base || rawPath.hasPrefix(base + "/") else { return nil }
        let rest = rawPath.dropFirst(base.count)
        return rest.isEmpty ? "/" : String(rest)
    }
}
