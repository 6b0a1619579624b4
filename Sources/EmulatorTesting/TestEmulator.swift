import APIGatewayEmulator
public import CognitoEmulator
public import EmulatorServer
import Foundation
public import LambdaEmulator
import ServerlessConfig

/// The whole emulator in process, for a test: the same router → authorizer → event → handler →
/// response pipeline as `emulate up`, with in-memory state, no ports, a clock the test moves, and
/// direct access to Cognito.
///
/// ```swift
/// let emulator = try await TestEmulator(configPath: "serverless.yml") { SeedApp.register(in: &$0) }
/// let response = await emulator.request("POST", "/user/login", json: ["email": "a@b.c", "password": "secret1"])
/// response.expect(status: 200)
/// ```
public struct TestEmulator: Sendable {
    /// Why a test emulator could not be built.
    public struct Failure: Error, CustomStringConvertible {
        /// The diagnostics or reason.
        public let description: String
    }

    /// The emulator.
    public let emulator: Emulator
    /// Every log line of the emulator and its handlers.
    public let logs: LogCapture

    /// Builds the emulator from a serverless.yml file.
    /// - Parameters:
    ///   - configPath: The file.
    ///   - stage: The stage (the file's, else `dev`).
    ///   - environment: What `${env:}` reads.
    ///   - register: Registers the Swift handlers.
    public init(
        configPath: String,
        stage: String? = nil,
        environment: [String: String] = [:],
        handlers register: (inout HandlerRegistry) -> Void
    ) async throws {
        try await self.init(source: .file(configPath), stage: stage, environment: environment, register: register)
    }

    /// Builds the emulator from serverless.yml text.
    public init(
        yaml: String,
        stage: String? = nil,
        environment: [String: String] = [:],
        handlers register: (inout HandlerRegistry) -> Void
    ) async throws {
        try await self.init(source: .text(yaml, path: "serverless.yml"), stage: stage, environment: environment, register: register)
    }

    private init(source: Emulator.ConfigSource, stage: String?, environment: [String: String], register: (inout HandlerRegistry) -> Void) async throws
    {
        var handlers = HandlerRegistry()
        EchoHandler.register(in: &handlers)
        register(&handlers)
        var options = EmulatorOptions()
        options.inMemory = true
        options.stage = stage
        options.environment = environment
        let logs = LogCapture()
        do {
            emulator = try await Emulator.prepare(source: source, options: options, handlers: handlers, logger: logs.logger())
        } catch {
            throw Failure(description: error.description)
        }
        self.logs = logs
    }

    /// Stops the processes of functions that run out of process (those without a registered closure:
    /// `python3.x`, `nodejs*`, a `custom.emulate.functions.<key>.command`). Call it at the end of a test
    /// that invokes one.
    public func shutdown() async {
        await emulator.shutdown()
    }

    /// The Cognito service.
    public var cognito: CognitoService { emulator.cognito }

    /// An in-process client with every operation of the Cognito API and full access (as an
    /// administrator's credentials have): what a test drives the pools with.
    public var cognitoClient: CognitoClient {
        CognitoClient(service: emulator.cognito, region: emulator.cognito.region, accountID: emulator.cognito.accountID)
    }

    /// The stage URLs start with.
    public var stage: String { emulator.service.stage }

    /// Sends a request through the gateway to a REST API route; `path` is without the stage (`/user/login`).
    public func request(
        _ method: String,
        _ path: String,
        json: (any Encodable)? = nil,
        body: String? = nil,
        headers: [String: String] = [:],
        query: [String: String] = [:]
    ) async -> TestResponse {
        await send(method, "/\(stage)\(path.hasPrefix("/") ? path : "/" + path)", json: json, body: body, headers: headers, query: query)
    }

    /// Sends a request through the gateway to an HTTP API route (served at its own path, `/items/42`).
    public func httpRequest(
        _ method: String,
        _ path: String,
        json: (any Encodable)? = nil,
        body: String? = nil,
        headers: [String: String] = [:],
        query: [String: String] = [:]
    ) async -> TestResponse {
        await send(method, path.hasPrefix("/") ? path : "/" + path, json: json, body: body, headers: headers, query: query)
    }

    private func send(
        _ method: String,
        _ fullPath: String,
        json: (any Encodable)?,
        body: String?,
        headers: [String: String],
        query: [String: String]
    ) async -> TestResponse {
        var allHeaders = headers.map { (name: $0.key, value: $0.value) }
        var bytes = Array((body ?? "").utf8)
        if let json, let data = try? JSONEncoder().encode(json) {
            bytes = Array(data)
            if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) { allHeaders.append(("Content-Type", "application/json")) }
        }
        allHeaders.append(("Host", "localhost"))
        let queryString =
            query.isEmpty ? nil : query.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = await emulator.gateway.handle(
            GatewayRequest(method: method.uppercased(), path: fullPath, query: queryString, headers: allHeaders, body: bytes)
        )
        return TestResponse(
            status: response.status,
            headers: response.headers,
            body: response.body,
            requestID: response.requestID,
            logs: logs.lines(requestID: response.requestID).map { "[\($0.level)] \($0.message)" }
        )
    }

    /// Invokes a function directly with a Swift event (for example ``APIGatewayProxyRequest/synthetic(_:_:json:body:headers:query:pathParameters:resource:stage:)``),
    /// with the function's real environment and IAM-checked clients.
    public func invoke(_ functionKey: String, event: any Sendable) async throws -> any Sendable {
        guard let function = emulator.functions[functionKey] else {
            throw Failure(description: "no function '\(functionKey)'; functions: \(emulator.functions.keys.sorted().joined(separator: ", "))")
        }
        return try await emulator.invoker.invoke(function, event: event).get()
    }

    /// A pool by logical ID, or the only pool when there is one.
    public func pool(_ logicalID: String? = nil) throws -> LivePool {
        let pools = cognito.livePools
        if let logicalID, let pool = pools.first(where: { $0.configuration.logicalID == logicalID }) { return pool }
        if logicalID == nil, pools.count == 1 { return pools[0] }
        throw Failure(
            description: "no user pool '\(logicalID ?? "(only one)")'; pools: \(pools.map(\.configuration.logicalID).joined(separator: ", "))"
        )
    }

    /// The ID of an app client by logical ID, or of the only client when there is one.
    public func clientID(_ logicalID: String? = nil) throws -> String {
        let clients = cognito.livePools.flatMap { cognito.liveClients(poolID: $0.id) }
        if let logicalID, let client = clients.first(where: { $0.configuration.logicalID == logicalID }) { return client.id }
        if logicalID == nil, clients.count == 1 { return clients[0].id }
        throw Failure(
            description: "no app client '\(logicalID ?? "(only one)")'; clients: \(clients.map(\.configuration.logicalID).joined(separator: ", "))"
        )
    }

    /// Creates a confirmed user with a permanent password (AdminCreateUser + AdminSetUserPassword).
    @discardableResult
    public func createUser(
        _ username: String,
        password: String,
        attributes: [String: String] = [:],
        pool logicalID: String? = nil
    ) async throws -> UserType {
        let pool = try pool(logicalID)
        let created = try await cognito.adminCreateUser(
            AdminCreateUserRequest(
                UserPoolId: pool.id,
                Username: username,
                UserAttributes: attributes.sorted { $0.key < $1.key }.map { AttributeType(Name: $0.key, Value: $0.value) },
                MessageAction: "SUPPRESS"
            )
        )
        _ = try await cognito.adminSetUserPassword(
            AdminSetUserPasswordRequest(UserPoolId: pool.id, Username: created.User.Username, Password: password, Permanent: true)
        )
        return created.User
    }

    /// Real, verifiable tokens for a user, without a password (a new sign-in session).
    public func tokens(
        for username: String,
        pool logicalID: String? = nil,
        client clientLogicalID: String? = nil
    ) async throws -> AuthenticationResultType {
        let pool = try pool(logicalID)
        let clients = cognito.liveClients(poolID: pool.id)
        guard let client = clientLogicalID.map({ id in clients.first { $0.configuration.logicalID == id } }) ?? clients.first else {
            throw Failure(description: "no client '\(clientLogicalID ?? "(any)")' in pool \(pool.configuration.logicalID)")
        }
        return try await cognito.mintTokens(userPoolID: pool.id, username: username, clientID: client.id)
    }

    /// The messages (codes, invitations) Cognito would have sent, newest last.
    public func messages(for username: String? = nil) -> [OutboxMessage] {
        cognito.outbox.list(username: username)
    }

    /// Moves the emulator's clock forward, to expire tokens and codes.
    public func advanceClock(seconds: Double) {
        cognito.clock.advance(seconds: seconds)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
