import CognitoEmulator
import EventsEmulator
import Foundation
import Hummingbird
import HummingbirdCore
import IdentityEmulator
import LambdaEmulator
import LambdaService
import Logging
import NIOCore
import Provisioning
import ServerlessConfig
public import ServiceLifecycle
import SigV4
import UnixSignals

extension Emulator: Service {
    /// Runs the listeners until a graceful shutdown of the `ServiceGroup` it is in, calling ``onReady`` once they accept connections.
    public func run() async throws {
        try await serve(signals: [], until: nil, onReady: onReady ?? { _ in })
    }

    /// Runs the listeners until SIGINT or SIGTERM (or until `stop` returns), then drains in-flight
    /// requests and returns.
    ///
    /// The listeners bind first; the stack is then provisioned for the ports they bound (so `--port 0`
    /// gives every URL-bearing value its real port), and only then are requests served and the ready
    /// file written.
    /// - Parameters:
    ///   - stop: Returns when the emulator should shut down gracefully (it is cancelled after a signal).
    ///   - onReady: Called once every listener accepts connections, after the ready file is written.
    public func run(until stop: (@Sendable () async -> Void)? = nil, onReady: @escaping @Sendable (ReadyInfo) async -> Void) async throws {
        try await serve(signals: [.sigterm, .sigint], until: stop, onReady: onReady)
    }

    private func serve(
        signals: [UnixSignal],
        until stop: (@Sendable () async -> Void)?,
        onReady: @escaping @Sendable (ReadyInfo) async -> Void
    ) async throws {
        let slots = ListenerSlots()
        let apiPort = options.apiPort ?? service.offline.httpPort ?? EmulatorOptions.defaultAPIPort
        let lambdaPort = options.lambdaPort ?? service.offline.lambdaPort ?? EmulatorOptions.defaultLambdaPort
        let startup = Startup()
        let listenersBound: @Sendable (ListenerPorts) async -> Void = { reported in
            guard let ports = await startup.bound(reported) else { return }
            await self.start(ports: ports, slots: slots, startup: startup, onReady: onReady)
        }
        let cognitoApplication = Application(
            responder: CognitoResponder(
                service: cognito,
                identity: identity,
                clock: clock,
                console: console,
                functions: slots.console,
                logger: logger
            ),
            server: Self.httpServer(idleTimeout: options.idleTimeoutSeconds),
            configuration: .init(address: .hostname(options.host, port: options.cognitoPort), serverName: "emulate-cognito"),
            onServerRunning: { channel in await listenersBound(ListenerPorts(cognito: channel.localAddress?.port ?? options.cognitoPort)) },
            logger: Self.serverLogger(logger)
        )
        let apiApplication = Application(
            responder: APIResponder(slot: slots.gateway, console: console, colorStatus: options.colorStatus, logger: logger),
            server: Self.httpServer(idleTimeout: options.idleTimeoutSeconds),
            configuration: .init(address: .hostname(options.host, port: apiPort), serverName: "emulate-api"),
            onServerRunning: { channel in await listenersBound(ListenerPorts(api: channel.localAddress?.port ?? apiPort)) },
            logger: Self.serverLogger(logger)
        )
        let lambdaApplication = Application(
            responder: LambdaResponder(slot: slots.lambda, identity: identity, logger: logger),
            server: Self.httpServer(idleTimeout: options.idleTimeoutSeconds),
            configuration: .init(address: .hostname(options.host, port: lambdaPort), serverName: "emulate-lambda"),
            onServerRunning: { channel in await listenersBound(ListenerPorts(lambda: channel.localAddress?.port ?? lambdaPort)) },
            logger: Self.serverLogger(logger)
        )
        let services: [any Service] = [apiApplication, cognitoApplication, lambdaApplication]
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: signals, logger: logger))
        await startup.setGroup(group)
        enum Finished: Sendable { case served, stopRequested }
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Finished.self) { tasks in
                tasks.addTask {
                    try await group.run()
                    return .served
                }
                if let stop {
                    tasks.addTask {
                        await stop()
                        if !Task.isCancelled { await group.triggerGracefulShutdown() }
                        return .stopRequested
                    }
                }
                if try await tasks.next() == .served {
                    tasks.cancelAll()
                }
                try await tasks.waitForAll()
            }
        } onGracefulShutdown: {
            Task { await group.triggerGracefulShutdown() }
        }
        await startup.stopBackgroundTasks()
        await background.drain()
        for pool in await startup.runtime?.pools ?? [] { await pool.shutdown() }
        if let failure = await startup.failure { throw failure }
    }

    /// Once both listeners are bound: provisions for their ports, installs the gateway, announces readiness.
    private func start(
        ports: ListenerPorts,
        slots: ListenerSlots,
        startup: Startup,
        onReady: @Sendable (ReadyInfo) async -> Void
    ) async {
        let endpoints = ServiceEndpoints(host: options.host, apiPort: ports.api ?? 0, cognitoPort: ports.cognito ?? 0, lambdaPort: ports.lambda)
        cognito.setIssuerBase(endpoints.cognitoBase)
        let runtime: Runtime
        do {
            runtime = try self.runtime(at: endpoints)
        } catch {
            logger.error("cannot provision the service for the bound ports: \(error)")
            await startup.fail(error)
            return
        }
        _ = await startup.replace(runtime, service: service, schedules: schedules(for: service, runtime))
        install(runtime, service: service, in: slots, endpoints: endpoints)
        if options.watch {
            await startup.setWatch(Task { await self.watch(endpoints: endpoints, startup: startup, slots: slots) })
        }
        let info = readyInfo(endpoints: endpoints, service: service, runtime: runtime)
        do {
            try ReadyInfo.write(info, to: options.readyFile)
        } catch {
            logger.error("cannot write the ready file: \(error)")
        }
        await onReady(info)
    }

    /// Puts `runtime` behind the listeners: the gateway, the Lambda API and the console's functions panel.
    func install(_ runtime: Runtime, service: ServerlessService, in slots: ListenerSlots, endpoints: ServiceEndpoints) {
        slots.gateway.install(runtime.gateway)
        slots.lambda.install(runtime.lambdaAPI)
        slots.console.install(
            ConsoleFunctions(service: service, stack: runtime.stack, runtime: runtime, invoker: invoker, apiBase: endpoints.apiBase, clock: clock)
        )
    }

    /// HTTP/1.1 with an idle timeout (a connection that sends nothing, half a request or stays idle on
    /// keep-alive is closed) and HTTP/1.0 connections closed after their answer.
    /// The logger the HTTP servers themselves log with: their start-up lines ("Server started and listening
    /// on …") are for debugging, so at info level they are left out; warnings and errors still show.
    static func serverLogger(_ logger: Logger) -> Logger {
        var quiet = logger
        if quiet.logLevel > .debug { quiet.logLevel = max(quiet.logLevel, .notice) }
        return quiet
    }

    static func httpServer(idleTimeout: Double) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [ConnectionHygieneInstaller()], idleTimeout: .milliseconds(Int64(idleTimeout * 1000))))
    }

    /// Whether a pool has OAuth 2.0 endpoints: a domain, or a client with `AllowedOAuthFlowsUserPoolClient`.
    static func hasOAuth(_ pool: LivePool, clients: [LiveClient], resources: [PoolResourceConfiguration]) -> Bool {
        resources.contains { $0.kind == .domain && $0.poolLogicalID == pool.configuration.logicalID }
            || clients.contains { $0.definition["AllowedOAuthFlowsUserPoolClient"] == .bool(true) }
    }

    /// The task that fires `service`'s schedules against `runtime`'s functions, nil when it has none.
    func schedules(for service: ServerlessService, _ runtime: Runtime) -> Task<Void, Never>? {
        let scheduler = Scheduler(
            service: service,
            functions: runtime.functions,
            invoker: invoker,
            clock: clock,
            accountID: stack.accountID,
            logger: logger
        )
        return scheduler.rules.isEmpty ? nil : Task { await scheduler.run() }
    }

    /// What the ready file says for `service` served at `endpoints`.
    func readyInfo(endpoints: ServiceEndpoints, service: ServerlessService, runtime: Runtime) -> ReadyInfo {
        readyInfo(
            cognitoBase: endpoints.cognitoBase,
            apiBase: endpoints.apiBase,
            lambdaBase: endpoints.lambdaBase,
            service: service,
            runtime: runtime
        )
    }

    /// What the ready file says.
    func readyInfo(
        cognitoBase: String,
        apiBase: String?,
        lambdaBase: String? = nil,
        service: ServerlessService? = nil,
        runtime: Runtime? = nil
    ) -> ReadyInfo {
        let service = service ?? self.service
        var pools: [String: ReadyInfo.UserPool] = [:]
        for pool in cognito.livePools {
            let clients = cognito.liveClients(poolID: pool.id)
            pools[pool.configuration.logicalID] = ReadyInfo.UserPool(
                id: pool.id,
                arn: pool.arn,
                issuer: cognito.issuer(poolID: pool.id),
                jwksUri: "\(cognitoBase)/\(pool.id)/.well-known/jwks.json",
                clients: Dictionary(uniqueKeysWithValues: clients.map { ($0.configuration.logicalID, $0.id) }),
                oauth: Self.hasOAuth(pool, clients: clients, resources: stack.cognito.poolResources) ? cognitoBase : nil
            )
        }
        let hasHTTPAPI = service.routes.contains { $0.api == .http }
        let functions = (runtime ?? prepared).functions.mapValues { function in
            ReadyInfo.Function(
                name: function.name,
                arn: function.arn,
                runs: function.handler != nil ? "in-process" : function.process != nil ? "process" : "none"
            )
        }
        return ReadyInfo(
            api: apiBase.map { $0 + service.apiPaths.rest },
            httpApi: hasHTTPAPI ? apiBase.map { $0 + service.apiPaths.http } : nil,
            cognito: cognitoBase,
            lambda: lambdaBase,
            functions: functions,
            stage: service.stage,
            region: service.region,
            userPools: pools,
            credentials: identity.readyCredentials,
            identityPools: Dictionary(stack.identityPools.map { ($0.logicalID, $0.id) }, uniquingKeysWith: { first, _ in first }),
            routes: service.routes.map {
                ReadyInfo.Route(api: $0.api.rawValue, method: $0.method, path: $0.path, function: $0.functionKey, authorizer: $0.authorizer)
            },
            console: cognitoBase + "/_emulate/console/"
        )
    }

}

/// Where the listeners find what they serve, installed once the ports are bound and at each reload.
struct ListenerSlots: Sendable {
    let gateway = GatewaySlot()
    let lambda = LambdaAPISlot()
    let console = ConsoleFunctionsSlot()
}

/// The ports listeners reported: each reports its own.
struct ListenerPorts: Sendable {
    var api: Int?
    var cognito: Int?
    var lambda: Int?
}

/// Collects the listeners' bound ports; remembers the runtime it started (to stop its processes) and a
/// start-up failure, and shuts the listeners down on one.
actor Startup {
    private var ports = ListenerPorts()
    private var group: ServiceGroup?
    private(set) var failure: EmulatorError?
    private(set) var runtime: Runtime?

    func setGroup(_ group: ServiceGroup) {
        self.group = group
    }

    /// Every port once every listener has reported, else nil.
    func bound(_ reported: ListenerPorts) -> ListenerPorts? {
        if let api = reported.api { ports.api = api }
        if let cognito = reported.cognito { ports.cognito = cognito }
        if let lambda = reported.lambda { ports.lambda = lambda }
        guard ports.api != nil, ports.cognito != nil, ports.lambda != nil else { return nil }
        return ports
    }

    private(set) var service: ServerlessService?
    private var schedules: Task<Void, Never>?
    private var watch: Task<Void, Never>?

    /// Installs what the listeners now serve (at start, and at each reload); answers what it replaces.
    func replace(_ runtime: Runtime, service: ServerlessService, schedules: Task<Void, Never>?) -> Runtime? {
        let previous = self.runtime
        self.runtime = runtime
        self.service = service
        self.schedules?.cancel()
        self.schedules = schedules
        return previous
    }

    func setWatch(_ task: Task<Void, Never>) {
        watch = task
    }

    /// Stops watching and firing schedules.
    func stopBackgroundTasks() async {
        watch?.cancel()
        await watch?.value
        schedules?.cancel()
        await schedules?.value
    }

    func fail(_ error: EmulatorError) async {
        failure = error
        await group?.triggerGracefulShutdown()
    }
}
