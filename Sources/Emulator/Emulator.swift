public import APIGatewayEmulator
public import CognitoEmulator
import Foundation
import Hummingbird
public import LambdaEmulator
public import Logging
import NIOCore
public import ServerlessConfig
import ServiceLifecycle
import UnixSignals

/// The composition root: builds everything one serverless.yml needs and runs its listeners.
///
/// ```swift
/// let emulator = try await Emulator.prepare(configPath: "serverless.yml", options: options, logger: logger)
/// try await emulator.run { ready in print("ready", ready.cognito) }
/// ```
public struct Emulator: Sendable {
    /// The loaded service.
    public let service: ServerlessService
    /// Warnings found while loading.
    public let warnings: [Diagnostic]
    /// The Cognito service behind the endpoint (and behind handlers' in-process client).
    public let cognito: CognitoService
    /// Evaluates intrinsics against the provisioned resources.
    public let resolver: IntrinsicResolver
    /// The functions, ready to invoke, by key.
    public let functions: [String: LambdaFunction]
    /// Runs the functions.
    public let invoker: LambdaInvoker
    /// The REST API.
    public let gateway: APIGateway
    /// How it runs.
    public let options: EmulatorOptions
    let logger: Logger

    /// Loads the configuration, opens the state, provisions the Cognito resources and binds each
    /// function to its Swift handler.
    /// - Parameters:
    ///   - configPath: serverless.yml.
    ///   - options: How to run.
    ///   - handlers: The Swift handlers by handler string.
    ///   - logger: The emulator's logger.
    /// - Throws: ``EmulatorError`` with the diagnostics or the reason (a function without a handler among them,
    ///   unless ``EmulatorOptions/allowMissingHandlers``).
    public static func prepare(configPath: String, options: EmulatorOptions, handlers: HandlerRegistry = HandlerRegistry(),
                               logger: Logger) async throws(EmulatorError) -> Emulator {
        try await prepare(source: .file(configPath), options: options, handlers: handlers, logger: logger)
    }

    /// Where a configuration comes from.
    public enum ConfigSource: Sendable {
        /// A file.
        case file(String)
        /// YAML text, named `path` in diagnostics (`${file()}` paths are relative to its folder).
        case text(String, path: String)
    }

    /// Like ``prepare(configPath:options:handlers:logger:)``, from a file or from YAML text.
    public static func prepare(source: ConfigSource, options: EmulatorOptions, handlers: HandlerRegistry = HandlerRegistry(),
                               logger: Logger) async throws(EmulatorError) -> Emulator {
        let loaded: ConfigLoader.Loaded
        let loadOptions = LoadOptions(stage: options.stage, region: options.region, environment: options.environment)
        let configPath: String
        do {
            switch source {
            case .file(let path):
                configPath = path
                loaded = try ConfigLoader.load(path: path, options: loadOptions)
            case .text(let yaml, let path):
                configPath = path
                loaded = try ConfigLoader.load(yaml: yaml, path: path, options: loadOptions)
            }
        } catch {
            throw EmulatorError(diagnostics: error.diagnostics)
        }
        let service = loaded.service
        var resolver = IntrinsicResolver(region: service.region, accountID: LoadOptions.defaultAccountID, stackName: "\(service.name)-\(service.stage)")
        for function in service.functions {
            resolver.refs[function.logicalID] = function.name
            resolver.attributes[function.logicalID] = ["Arn": "arn:aws:lambda:\(service.region):\(resolver.accountID):function:\(function.name)"]
        }
        let issuerBase = "http://\(options.host):\(options.cognitoPort)"
        let provisioned = CognitoProvisioner().provision(service, resolver: &resolver, issuerBase: issuerBase)
        if provisioned.diagnostics.contains(where: { $0.severity == .error }) {
            throw EmulatorError(diagnostics: provisioned.diagnostics)
        }
        let store = try openStore(configPath: configPath, service: service, options: options)
        let cognito: CognitoService
        do {
            var cognitoLogger = logger
            cognitoLogger[metadataKey: "emulate.component"] = "cognito"
            cognito = try await CognitoService(configuration: provisioned.configuration, store: store, issuerBase: issuerBase, logger: cognitoLogger)
        } catch {
            throw EmulatorError("cannot start Cognito: \(error)")
        }
        let (functions, functionWarnings) = FunctionFactory(service: service, resolver: resolver, cognito: cognito, handlers: handlers).makeFunctions()
        let missing = service.functions.filter { functions[$0.key]?.handler == nil }
        if !missing.isEmpty, !options.allowMissingHandlers {
            let registered = handlers.names.isEmpty ? "none" : handlers.names.joined(separator: ", ")
            throw EmulatorError(diagnostics: missing.map { function in
                Diagnostic(.error, "no Swift handler is registered for '\(function.handler)' (function \(function.key)); registered: \(registered). "
                    + "Register it in your emulate executable, or pass --allow-missing-handlers to answer 502 instead", at: function.mark)
            })
        }
        let invoker = LambdaInvoker(logger: logger)
        TriggerWiring.connect(cognito, functions: functions, invoker: invoker)
        let gateway = APIGateway(service: service, functions: functions, cognito: cognito, resolver: resolver, invoker: invoker, logger: logger)
        return Emulator(service: service, warnings: loaded.warnings + provisioned.diagnostics + functionWarnings, cognito: cognito, resolver: resolver,
                        functions: functions, invoker: invoker, gateway: gateway, options: options, logger: logger)
    }

    private static func openStore(configPath: String, service: ServerlessService, options: EmulatorOptions) throws(EmulatorError) -> CognitoStore {
        if options.inMemory {
            do { return try CognitoStore(path: nil) } catch { throw EmulatorError(error.description) }
        }
        let directory = options.stateDirectory ?? (URL(fileURLWithPath: configPath).deletingLastPathComponent().path + "/.emulate")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw EmulatorError("cannot create the state directory \(directory): \(error.localizedDescription)")
        }
        do {
            return try CognitoStore(path: "\(directory)/\(service.name)-\(service.stage).sqlite")
        } catch {
            throw EmulatorError(error.description)
        }
    }

    /// Runs the listeners until SIGINT or SIGTERM (or until `stop` returns), then drains in-flight
    /// requests and returns.
    /// - Parameters:
    ///   - stop: Returns when the emulator should shut down gracefully (it is cancelled after a signal).
    ///   - onReady: Called once every listener accepts connections, after the ready file is written.
    public func run(until stop: (@Sendable () async -> Void)? = nil, onReady: @escaping @Sendable (ReadyInfo) async -> Void) async throws {
        let readiness = Readiness(expected: 2)
        let cognitoApplication = Application(
            responder: CognitoResponder(service: cognito, dispatcher: CognitoJSONDispatcher(service: cognito), logger: logger),
            configuration: .init(address: .hostname(options.host, port: options.cognitoPort), serverName: "emulate-cognito"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.cognitoPort
                let base = "http://\(options.host):\(port)"
                cognito.setIssuerBase(base)
                await announce(await readiness.listenerStarted(cognito: base, emulator: self), onReady)
            },
            logger: logger)
        let apiApplication = Application(
            responder: APIResponder(gateway: gateway, logger: logger),
            configuration: .init(address: .hostname(options.host, port: options.apiPort), serverName: "emulate-api"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.apiPort
                await announce(await readiness.listenerStarted(api: "http://\(options.host):\(port)", emulator: self), onReady)
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [apiApplication, cognitoApplication], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        guard let stop else {
            try await group.run()
            return
        }
        enum Finished: Sendable { case served, stopRequested }
        try await withThrowingTaskGroup(of: Finished.self) { tasks in
            tasks.addTask {
                try await group.run()
                return .served
            }
            tasks.addTask {
                await stop()
                if !Task.isCancelled { await group.triggerGracefulShutdown() }
                return .stopRequested
            }
            if try await tasks.next() == .served {
                tasks.cancelAll()
            }
            try await tasks.waitForAll()
        }
    }

    private func announce(_ info: ReadyInfo?, _ onReady: @Sendable (ReadyInfo) async -> Void) async {
        guard let info else { return }
        do {
            try writeReadyFile(info)
        } catch {
            logger.error("cannot write the ready file: \(error)")
        }
        await onReady(info)
    }

    /// What the ready file says.
    func readyInfo(cognitoBase: String, apiBase: String?) async -> ReadyInfo {
        var pools: [String: ReadyInfo.UserPool] = [:]
        for pool in cognito.livePools {
            let issuer = "\(cognitoBase)/\(pool.id)"
            let clients = cognito.liveClients(poolID: pool.id)
            pools[pool.configuration.logicalID] = ReadyInfo.UserPool(
                id: pool.id, arn: pool.arn, issuer: issuer, jwksUri: "\(issuer)/.well-known/jwks.json",
                clients: Dictionary(uniqueKeysWithValues: clients.map { ($0.configuration.logicalID, $0.id) }))
        }
        return ReadyInfo(
            api: apiBase.map { "\($0)/\(service.stage)" }, cognito: cognitoBase, stage: service.stage, region: service.region, userPools: pools,
            routes: service.routes.map { ReadyInfo.Route(method: $0.method, path: $0.path, function: $0.functionKey, authorizer: $0.authorizer) })
    }

    private func writeReadyFile(_ info: ReadyInfo) throws {
        guard let path = options.readyFile else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(info).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// Counts listeners as they start and produces the ready information when the last one has.
actor Readiness {
    private let expected: Int
    private var started = 0
    private var cognitoBase: String?
    private var apiBase: String?

    init(expected: Int) {
        self.expected = expected
    }

    func listenerStarted(cognito: String? = nil, api: String? = nil, emulator: Emulator) async -> ReadyInfo? {
        started += 1
        if let cognito { cognitoBase = cognito }
        if let api { apiBase = api }
        guard started == expected, let cognitoBase else { return nil }
        return await emulator.readyInfo(cognitoBase: cognitoBase, apiBase: apiBase)
    }
}
