public import YAML

#if canImport(Glibc)
import Glibc
#endif

/// A Serverless Framework service as loaded from serverless.yml, variables resolved.
/// See https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml
public struct ServerlessService: Sendable {
    /// `service`.
    public var name: String
    /// `frameworkVersion`, if given.
    public var frameworkVersion: String?
    /// `provider`.
    public var provider: Provider
    /// `functions`, in file order.
    public var functions: [Function]
    /// `resources`.
    public var resources: Resources
    /// `custom`, as written (variables resolved).
    public var custom: YAMLNode?
    /// `plugins`.
    public var plugins: [String]
    /// The `custom.serverless-offline` settings the emulator honours.
    public var offline = OfflinePluginSettings()
    /// Where each API's routes start on the API port.
    public var apiPaths: APIPaths { offline.paths(stage: stage) }
    /// The effective stage (`--stage`, else `provider.stage`, else `dev`).
    public var stage: String { provider.stage }
    /// The effective region (`--region`, else `provider.region`, else `us-east-1`).
    public var region: String { provider.region }
    /// The path of the file it was loaded from.
    public var configPath: String

    /// The service's directory: the absolute folder of ``configPath`` (its functions' code is relative to it).
    public var directory: String { Self.directory(ofConfig: configPath) }

    /// The absolute folder of a configuration file's path.
    public static func directory(ofConfig configPath: String) -> String {
        var path = configPath
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: 4096)
            if getcwd(&buffer, buffer.count) != nil {
                path = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
            }
        }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The function under a key of `functions`.
    public func function(named key: String) -> Function? {
        functions.first { $0.key == key }
    }

    /// Every HTTP route of the service: REST API (`http`) events first, then HTTP API (`httpApi`) events.
    public var routes: [Route] {
        var routes: [Route] = []
        for function in functions {
            for event in function.events {
                switch event {
                case .http(let http):
                    routes.append(
                        Route(
                            api: .rest,
                            method: http.method.rawValue.uppercased(),
                            path: http.path,
                            functionKey: function.key,
                            authorizer: offline.noAuth ? nil : http.authorizer?.kind.summary,
                            mark: http.mark
                        )
                    )
                case .httpApi(let http):
                    routes.append(
                        Route(
                            api: .http,
                            method: http.method,
                            path: http.path,
                            functionKey: function.key,
                            authorizer: offline.noAuth ? nil : http.authorizer?.summary(in: provider.httpApi),
                            mark: http.mark
                        )
                    )
                case .cognitoUserPool, .schedule, .other:
                    break
                }
            }
        }
        return routes
    }

    /// Every `schedule` event, with its function's key, in declaration order.
    public var schedules: [(functionKey: String, event: ScheduleEvent)] {
        functions.flatMap { function in
            function.events.compactMap { event -> (functionKey: String, event: ScheduleEvent)? in
                if case .schedule(let schedule) = event { return (function.key, schedule) }
                return nil
            }
        }
    }
}
