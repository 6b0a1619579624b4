public import CognitoEmulator
import Foundation
import Hummingbird
public import Logging
import ServerlessConfig
import ServiceLifecycle
import UnixSignals

/// `emulate cognito`: the Cognito endpoint alone (AWS JSON, JWKS, OpenID configuration, `/_emulate`),
/// with no serverless.yml, for test suites that create their pools through the API (or a seed file),
/// as they would against cognito-local or moto.
public struct CognitoServer: Sendable {
    /// The service behind the endpoint.
    public let cognito: CognitoService
    /// How it runs (`host`, `cognitoPort`, state, ready file, issuer style).
    public let options: EmulatorOptions
    /// The seeded pools, clients and groups (empty without a seed).
    public let configuration: CognitoConfiguration
    let identity: AWSIdentity
    let logger: Logger

    /// Opens the state, provisions the seed's pools and creates its users.
    /// - Parameters:
    ///   - options: How to run; the state is `cognito.sqlite` in `stateDirectory` (default `.emulate/`).
    ///   - seed: Pools, clients, groups and users to create at start.
    ///   - logger: The server's logger.
    /// - Throws: ``EmulatorError`` when the state cannot be opened or the seed is refused.
    public static func prepare(options: EmulatorOptions, seed: CognitoSeed? = nil, logger: Logger) async throws(EmulatorError) -> CognitoServer {
        let store: CognitoStore
        do {
            if options.inMemory {
                store = try CognitoStore(path: nil)
            } else {
                let directory = options.stateDirectory ?? ".emulate"
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try StateLock.acquire(forStateAt: "\(directory)/cognito.sqlite")
                store = try CognitoStore(path: "\(directory)/cognito.sqlite")
            }
        } catch {
            throw EmulatorError("cannot open the state: \(error)")
        }
        let region = options.region ?? "us-east-1"
        let configuration =
            try seed?.configuration(region: region, accountID: LoadOptions.defaultAccountID)
            ?? CognitoConfiguration(service: "emulate-cognito", stage: "seed", region: region, accountID: LoadOptions.defaultAccountID)
        let cognito: CognitoService
        do {
            cognito = try await CognitoService(
                configuration: configuration,
                store: store,
                issuerBase: "http://\(options.host):\(options.cognitoPort)",
                issuerStyle: options.issuerStyle,
                logger: logger
            )
        } catch {
            throw EmulatorError("cannot start Cognito: \(error)")
        }
        try await seed?.createUsers(in: cognito, configuration: configuration)
        let identity = try AWSIdentity(
            roles: [],
            functions: [],
            identityPools: [],
            cognito: cognito,
            cognitoStorePath: store.path,
            strict: options.strictCredentials,
            accountID: LoadOptions.defaultAccountID,
            region: region,
            clock: cognito.clock
        )
        return CognitoServer(cognito: cognito, options: options, configuration: configuration, identity: identity, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then drains in-flight requests and returns.
    /// - Parameter onReady: Called once the listener accepts connections, after the ready file is written.
    public func run(onReady: @escaping @Sendable (ReadyInfo) async -> Void) async throws {
        let application = Application(
            responder: CognitoResponder(
                service: cognito,
                identity: identity,
                clock: cognito.clock,
                console: ConsoleActivity(capacity: 1, clock: cognito.clock),
                logger: logger
            ),
            server: Emulator.httpServer(idleTimeout: options.idleTimeoutSeconds),
            configuration: .init(address: .hostname(options.host, port: options.cognitoPort), serverName: "emulate-cognito"),
            onServerRunning: { channel in
                let base = "http://\(options.host):\(channel.localAddress?.port ?? options.cognitoPort)"
                cognito.setIssuerBase(base)
                let info = readyInfo(cognitoBase: base)
                do {
                    try ReadyInfo.write(info, to: options.readyFile)
                } catch {
                    logger.error("cannot write the ready file: \(error)")
                }
                await onReady(info)
            },
            logger: Emulator.serverLogger(logger)
        )
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The ready file: the endpoint, and each pool with its clients by name.
    func readyInfo(cognitoBase: String) -> ReadyInfo {
        var pools: [String: ReadyInfo.UserPool] = [:]
        for pool in cognito.livePools {
            pools[pool.configuration.name] = ReadyInfo.UserPool(
                id: pool.id,
                arn: pool.arn,
                issuer: cognito.issuer(poolID: pool.id),
                jwksUri: "\(cognitoBase)/\(pool.id)/.well-known/jwks.json",
                clients: Dictionary(
                    cognito.liveClients(poolID: pool.id).map { ($0.configuration.name, $0.id) },
                    uniquingKeysWith: { first, _ in first }
                )
            )
        }
        return ReadyInfo(
            api: nil,
            httpApi: nil,
            cognito: cognitoBase,
            lambda: nil,
            functions: [:],
            stage: "",
            region: cognito.region,
            userPools: pools,
            credentials: identity.readyCredentials,
            identityPools: [:],
            routes: [],
            console: "\(cognitoBase)/_emulate/console/"
        )
    }
}
