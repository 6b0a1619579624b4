public import APIGatewayEmulator
public import CognitoEmulator
public import EmulatorCore
import Foundation
public import LambdaEmulator
import LambdaService
public import Logging
public import Provisioning
public import ServerlessConfig
import YAML

/// The composition root: loads one serverless.yml, provisions its stack, builds the services from
/// it, and (as a ServiceLifecycle `Service`) runs the listeners.
///
/// ```swift
/// var emulator = try await Emulator.prepare(configPath: "serverless.yml", options: options, logger: logger)
/// emulator.onReady = { ready in print("ready", ready.cognito) }
/// let group = ServiceGroup(configuration: .init(services: [emulator], logger: logger))
/// try await group.run()
/// ```
public struct Emulator: Sendable {
    /// The loaded service.
    public let service: ServerlessService
    /// Warnings found while loading and provisioning.
    public let warnings: [Diagnostic]
    /// The stack as provisioned for the requested ports (``run()`` provisions it again for the bound ones).
    public let stack: ProvisionedStack
    /// The clock every service reads (`POST /_emulate/clock` moves it).
    public let clock: EmulatorClock
    /// The Cognito service behind the endpoint (and behind handlers' in-process client).
    public let cognito: CognitoService
    /// The functions, ready to invoke, by key.
    public let functions: [String: LambdaFunction]
    /// Runs the functions.
    public let invoker: LambdaInvoker
    /// The REST API.
    public let gateway: APIGateway
    /// How it runs.
    public let options: EmulatorOptions
    /// Stops what the prepared stack started (its functions' processes) when it was used without
    /// listeners (`EmulatorTesting`, `emulate invoke`); ``run()`` stops its own.
    public func shutdown() async {
        await background.drain()
        for pool in prepared.pools { await pool.shutdown() }
    }

    /// Called once every listener accepts connections, after the ready file is written (when run as a `Service`).
    public var onReady: (@Sendable (ReadyInfo) async -> Void)?
    /// What the stack as provisioned at ``prepare(source:options:handlers:provisioner:logger:)`` runs as.
    let prepared: Runtime
    /// The Invoke API's `Event` invocations still running.
    let background: BackgroundInvocations
    /// Who signs requests, the identity pools and STS.
    let identity: AWSIdentity
    let handlers: HandlerRegistry
    let provisioner: StackProvisioner
    /// Where the configuration came from (watch mode reloads it).
    let source: ConfigSource
    /// The files the configuration was read from (watch mode watches them).
    let configFiles: [String]
    /// What the local console shows of requests and invocations.
    let console: ConsoleActivity
    let logger: Logger

    /// Where a configuration comes from.
    public enum ConfigSource: Sendable {
        /// A file.
        case file(String)
        /// YAML text, named `path` in diagnostics (`${file()}` paths are relative to its folder).
        case text(String, path: String)
    }

    /// Loads the configuration, provisions its stack, opens the state and binds each function to its
    /// Swift handler.
    /// - Parameters:
    ///   - configPath: serverless.yml.
    ///   - options: How to run.
    ///   - handlers: The Swift handlers by handler string.
    ///   - logger: The emulator's logger.
    /// - Throws: ``EmulatorError`` with the diagnostics or the reason (a function without a handler among them,
    ///   unless ``EmulatorOptions/allowMissingHandlers``).
    public static func prepare(
        configPath: String,
        options: EmulatorOptions,
        handlers: HandlerRegistry = HandlerRegistry(),
        logger: Logger
    ) async throws(EmulatorError) -> Emulator {
        try await prepare(source: .file(configPath), options: options, handlers: handlers, logger: logger)
    }

    /// Like ``prepare(configPath:options:handlers:logger:)``, from a file or from YAML text, with the
    /// provisioners of your choice (the standard ones plus your own resource types, say).
    public static func prepare(
        source: ConfigSource,
        options: EmulatorOptions,
        handlers: HandlerRegistry = HandlerRegistry(),
        provisioner: StackProvisioner = StackProvisioner(),
        logger: Logger
    ) async throws(EmulatorError) -> Emulator {
        let configPath: String
        switch source {
        case .file(let path): configPath = path
        case .text(_, let path): configPath = path
        }
        let endpoints = ServiceEndpoints(
            host: options.host,
            apiPort: options.apiPort ?? EmulatorOptions.defaultAPIPort,
            cognitoPort: options.cognitoPort,
            lambdaPort: options.lambdaPort ?? EmulatorOptions.defaultLambdaPort
        )
        let loaded = try load(source, options: options, handlers: handlers, provisioner: provisioner, endpoints: endpoints)
        let service = loaded.service
        let stack = loaded.stack
        let store = try StateDirectory.openStore(configPath: configPath, service: service, options: options)
        let clock = EmulatorClock()
        let console = ConsoleActivity(capacity: options.consoleCapacity, clock: clock)
        var logger = logger
        // Every line logged with a request ID goes to the console too, filed under that request.
        logger.handler = ObservingLogHandler(base: logger.handler) { event, metadata in
            if let requestID = event.metadata?["emulate.request.id"] ?? metadata["emulate.request.id"] {
                console.logged("\(event.level) \(event.message)", requestID: "\(requestID)")
            }
        }
        let cognito: CognitoService
        do {
            var cognitoLogger = logger
            cognitoLogger[metadataKey: "emulate.component"] = "cognito"
            cognito = try await CognitoService(
                configuration: stack.cognito,
                store: store,
                clock: clock,
                issuerBase: endpoints.cognitoBase,
                issuerStyle: options.issuerStyle,
                logger: cognitoLogger
            )
            try await cognito.installConfiguredPoolResources()
        } catch {
            throw EmulatorError("cannot start Cognito: \(error)")
        }
        let invoker = LambdaInvoker(clock: clock, logger: logger, observer: console)
        let background = BackgroundInvocations()
        let identity = try AWSIdentity(
            roles: stack.roles,
            functions: stack.functions,
            identityPools: stack.identityPools,
            cognito: cognito,
            cognitoStorePath: store.path,
            strict: options.strictCredentials,
            accountID: stack.accountID,
            region: stack.region,
            clock: clock
        )
        let runtime = Runtime(
            stack: stack,
            service: service,
            launches: loaded.launches,
            cognito: cognito,
            identity: identity,
            handlers: handlers,
            invoker: invoker,
            background: background,
            clock: clock,
            logger: logger
        )
        return Emulator(
            service: service,
            warnings: loaded.warnings,
            stack: stack,
            clock: clock,
            cognito: cognito,
            functions: runtime.functions,
            invoker: invoker,
            gateway: runtime.gateway,
            options: options,
            onReady: nil,
            prepared: runtime,
            background: background,
            identity: identity,
            handlers: handlers,
            provisioner: provisioner,
            source: source,
            configFiles: loaded.files,
            console: console,
            logger: logger
        )
    }

    /// A configuration loaded, provisioned for `endpoints` and checked: every function can run.
    struct LoadedStack: Sendable {
        var service: ServerlessService
        var warnings: [Diagnostic]
        var stack: ProvisionedStack
        /// The files it was read from.
        var files: [String]
        /// How each function without a Swift closure runs.
        var launches: Launches
    }

    /// Checks `configPath` as `up` would — loaded, provisioned, every function runnable — without
    /// listening or opening any state: the service and its warnings, or every error.
    public static func check(
        configPath: String,
        options: EmulatorOptions,
        handlers: HandlerRegistry = HandlerRegistry()
    ) throws(EmulatorError) -> (service: ServerlessService, warnings: [Diagnostic]) {
        let endpoints = ServiceEndpoints(host: options.host, apiPort: 3000, cognitoPort: 9229, lambdaPort: 9001)
        let loaded = try load(.file(configPath), options: options, handlers: handlers, provisioner: StackProvisioner(), endpoints: endpoints)
        return (loaded.service, loaded.warnings)
    }

    /// Loads `source`, provisions it for `endpoints`, and checks that every function has a Swift closure
    /// or something to run out of process (unless ``EmulatorOptions/allowMissingHandlers``).
    static func load(
        _ source: ConfigSource,
        options: EmulatorOptions,
        handlers: HandlerRegistry,
        provisioner: StackProvisioner,
        endpoints: ServiceEndpoints
    ) throws(EmulatorError) -> LoadedStack {
        let loaded: ConfigLoader.Loaded
        let loadOptions = options.loadOptions
        do {
            switch source {
            case .file(let path): loaded = try ConfigLoader.load(path: path, options: loadOptions)
            case .text(let yaml, let path): loaded = try ConfigLoader.load(yaml: yaml, path: path, options: loadOptions)
            }
        } catch {
            throw EmulatorError(diagnostics: error.diagnostics)
        }
        let service = loaded.service
        let provisioned = provisioner.provision(service, endpoints: endpoints)
        if provisioned.hasErrors { throw EmulatorError(diagnostics: provisioned.diagnostics) }
        var unrunnable: [Diagnostic] = []
        var notReady: [Diagnostic] = []
        var launches = Launches()
        for function in provisioned.stack.functions where handlers[function.handler] == nil {
            let reason: LaunchError
            switch ProcessFunctions.plan(function, service: service) {
            case .success(let arguments):
                launches.commands[function.key] = arguments
                if let missing = ProcessFunctions.missing(function, service: service, arguments: arguments) {
                    notReady.append(Diagnostic(.warning, missing, at: service.function(named: function.key)?.mark ?? .init(line: 1, column: 1)))
                }
                continue
            case .failure(let failure) where failure.isDeferred:
                launches.unstartable[function.key] = failure.description
                notReady.append(
                    Diagnostic(.warning, failure.description, at: service.function(named: function.key)?.mark ?? .init(line: 1, column: 1))
                )
                continue
            case .failure(let failure): reason = failure
            }
            let registered = handlers.names.isEmpty ? "none" : handlers.names.joined(separator: ", ")
            unrunnable.append(
                Diagnostic(
                    .error,
                    "\(reason.description); registered Swift handlers: \(registered) (or pass --allow-missing-handlers to answer 502 instead)",
                    at: service.function(named: function.key)?.mark ?? .init(line: 1, column: 1)
                )
            )
        }
        if !unrunnable.isEmpty, !options.allowMissingHandlers {
            throw EmulatorError(diagnostics: unrunnable)
        }
        let warnings = loaded.warnings + provisioned.diagnostics + notReady
        if options.strict, !warnings.isEmpty {
            throw EmulatorError(diagnostics: warnings.map(\.escalated))
        }
        return LoadedStack(
            service: service,
            warnings: warnings,
            stack: provisioned.stack,
            files: loaded.files,
            launches: launches
        )
    }

    /// The functions and the gateway for the stack provisioned at `endpoints`, with the pools' triggers wired to them.
    func runtime(at endpoints: ServiceEndpoints) throws(EmulatorError) -> Runtime {
        guard endpoints != stack.endpoints else { return prepared }
        let provisioned = provisioner.provision(service, endpoints: endpoints)
        if provisioned.hasErrors { throw EmulatorError(diagnostics: provisioned.diagnostics) }
        return runtime(for: provisioned.stack, service: service, launches: prepared.launches)
    }

    /// What `stack` runs as, on this emulator's Cognito service, invoker and clock.
    func runtime(for stack: ProvisionedStack, service: ServerlessService, launches: Launches) -> Runtime {
        Runtime(
            stack: stack,
            service: service,
            launches: launches,
            cognito: cognito,
            identity: identity,
            handlers: handlers,
            invoker: invoker,
            background: background,
            clock: clock,
            logger: logger
        )
    }
}
