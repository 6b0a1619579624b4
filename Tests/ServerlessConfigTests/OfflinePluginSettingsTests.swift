import Testing

@testable import ServerlessConfig

@Suite("custom.serverless-offline's settings, read as serverless-offline reads them")
struct OfflinePluginSettingsTests {
    static func load(_ settings: String, stage: String? = nil) throws -> ConfigLoader.Loaded {
        let yaml = """
            service: s
            custom:
              serverless-offline: \(settings)
            provider: { name: aws }
            functions:
              f:
                handler: h
                events: [{ http: { method: get, path: hello } }, { httpApi: 'GET /items' }]
            """
        return try ConfigLoader.load(yaml: yaml, path: "serverless.yml", options: LoadOptions(stage: stage))
    }

    @Test("by default REST routes are under /{stage} and HTTP API routes at their own paths")
    func defaults() throws {
        let service = try Self.load("{}", stage: "prod").service
        #expect(service.apiPaths == APIPaths(rest: "/prod", http: ""))
        #expect(service.routes.map { $0.urlPath(in: service.apiPaths) } == ["/prod/hello", "/items"])
    }

    @Test("a prefix comes before the stage and before HTTP API paths; noPrependStageInUrl drops the stage")
    func prefixAndStage() throws {
        let prefixed = try Self.load("{ prefix: /v1/api/ }").service
        #expect(prefixed.routes.map { $0.urlPath(in: prefixed.apiPaths) } == ["/v1/api/dev/hello", "/v1/api/items"])
        let bare = try Self.load("{ noPrependStageInUrl: 'true' }").service
        #expect(bare.routes.map { $0.urlPath(in: bare.apiPaths) } == ["/hello", "/items"])
        #expect(bare.apiPaths.path(under: .rest, of: "/hello") == "/hello")
        #expect(prefixed.apiPaths.path(under: .rest, of: "/v1/api/dev") == "/")
        #expect(prefixed.apiPaths.path(under: .http, of: "/v1/apix/items") == nil)
    }

    @Test("ports are read as numbers or numeric strings; a port out of range or a prefix with a query is an error")
    func ports() throws {
        let settings = try Self.load("{ httpPort: '4000', lambdaPort: 4002 }").service.offline
        #expect(settings.httpPort == 4000 && settings.lambdaPort == 4002)
        let range = try #require(throws: ConfigLoadError.self) { try Self.load("{ httpPort: 70000 }") }
        #expect(range.diagnostics.map(\.message) == ["custom.serverless-offline.httpPort must be a port between 0 and 65535, not 70000"])
        let prefix = try #require(throws: ConfigLoadError.self) { try Self.load("{ prefix: 'a?b' }") }
        #expect(prefix.diagnostics.first?.message.contains("must be a path") == true)
    }

    @Test("noAuth turns every authorizer off, with a warning, and routes show none")
    func noAuth() throws {
        let yaml = """
            service: s
            custom: { serverless-offline: { noAuth: true } }
            provider: { name: aws }
            functions:
              f:
                handler: h
                events: [{ http: { method: get, path: hello, authorizer: { type: aws_iam } } }]
            """
        let loaded = try ConfigLoader.load(yaml: yaml, path: "serverless.yml")
        #expect(loaded.service.routes.map(\.authorizer) == [nil])
        #expect(loaded.warnings.contains { $0.message.hasPrefix("custom.serverless-offline.noAuth is true") })
    }
}
