import CognitoEmulator
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Provisioning
import ServerlessConfig
public import ServiceLifecycle
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
        let slot = GatewaySlot()
        let startup = Startup()
        let listenersBound: @Sendable (Int?, Int?) async -> Void = { api, cognito in
            guard let ports = await startup.bound(api: api, cognito: cognito) else { return }
            await self.start(ports: ports, slot: slot, startup: startup, onReady: onReady)
        }
        let cognitoApplication = Application(
            responder: CognitoResponder(service: cognito, logger: logger),
            server: Self.httpServer(idleTimeout: options.idleTimeoutSeconds),
            configuration: .init(address: .hostname(options.host, port: options.cognitoPort), serverName: "emulate-cognito"),
            onServerRunning: { channel in await listenersBound(nil, channel.localAddress?.port ?? options.cognitoPort) },
            logger: logger
        )
        let apiApplication = Application(
            responder: APIResponder(slot: slot, logger: logger),
            server: Self.httpServer(idleTimeout: options.idleTimeoutSeconds),
            configuration: .init(address: .hostname(options.host, port: options.apiPort), serverName: "emulate-api"),
            onServerRunning: { channel in await listenersBound(channel.localAddress?.port ?? options.apiPort, nil) },
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: [apiApplication, cognitoApplication], gracefulShutdownSignals: signals, logger: logger)
        )
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
        if let failure = await startup.failure { throw failure }
    }

    /// Once both listeners are bound: provisions for their ports, installs the gateway, announces readiness.
    private func start(ports: (api: Int, cognito: Int), slot: GatewaySlot, startup: Startup, onReady: @Sendable (ReadyInfo) async -> Void) async {
        let endpoints = ServiceEndpoints(host: options.host, apiPort: ports.api, cognitoPort: ports.cognito)
        cognito.setIssuerBase(endpoints.cognitoBase)
        let runtime: Runtime
        do {
            runtime = try self.runtime(at: endpoints)
        } catch {
            logger.error("cannot provision the service for the bound ports: \(error)")
            await startup.fail(error)
            return
        }
        slot.install(runtime.gateway)
        let info = readyInfo(cognitoBase: endpoints.cognitoBase, apiBase: endpoints.apiBase)
        do {
            try ReadyInfo.write(info, to: options.readyFile)
        } catch {
            logger.error("cannot write the ready file: \(error)")
        }
        await onReady(info)
    }

    /// HTTP/1.1 with an idle timeout (a connection that sends nothing, half a request or stays idle on
    /// keep-alive is closed) and HTTP/1.0 connections closed after their answer.
    static func httpServer(idleTimeout: Double) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [ConnectionHygieneInstaller()], idleTimeout: .milliseconds(Int64(idleTimeout * 1000))))
    }

    /// What the ready file says.
    func readyInfo(cognitoBase: String, apiBase: String?) -> ReadyInfo {
        var pools: [String: ReadyInfo.UserPool] = [:]
        for pool in cognito.livePools {
            let clients = cognito.liveClients(poolID: pool.id)
            pools[pool.configuration.logicalID] = ReadyInfo.UserPool(
                id: pool.id,
                arn: pool.arn,
                issuer: cognito.issuer(poolID: pool.id),
                jwksUri: "\(cognitoBase)/\(pool.id)/.well-known/jwks.json",
                clients: Dictionary(uniqueKeysWithValues: clients.map { ($0.configuration.logicalID, $0.id) })
            )
        }
        let hasHTTPAPI = service.routes.contains { $0.api == .http }
        return ReadyInfo(
            api: apiBase.map { "\($0)/\(service.stage)" },
            httpApi: hasHTTPAPI ? apiBase : nil,
            cognito: cognitoBase,
            stage: service.stage,
            region: service.region,
            userPools: pools,
            routes: service.routes.map {
                ReadyInfo.Route(api: $0.api.rawValue, method: $0.method, path: $0.path, function: $0.functionKey, authorizer: $0.authorizer)
            }
        )
    }

}

/// Collects the listeners' bound ports; remembers a start-up failure and shuts the listeners down on one.
private actor Startup {
    private var api: Int?
    private var cognito: Int?
    private var group: ServiceGroup?
    private(set) var failure: EmulatorError?

    func setGroup(_ group: ServiceGroup) {
        self.group = group
    }

    /// Both ports once both listeners have reported, else nil.
    func bound(api: Int?, cognito: Int?) -> (api: Int, cognito: Int)? {
        if let api { self.api = api }
        if let cognito { self.cognito = cognito }
        guard let api = self.api, let cognito = self.cognito else { return nil }
        return (api, cognito)
    }

    func fail(_ error: EmulatorError) async {
        failure = error
        await group?.triggerGracefulShutdown()
    }
}
