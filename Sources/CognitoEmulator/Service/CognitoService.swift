import EmulatorCrypto
import GRDB
public import Logging
import NIOConcurrencyHelpers
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the emulator writes its tokens' issuer.
public enum IssuerStyle: String, Sendable, CaseIterable {
    /// `http://host:port/<poolId>`: verifiers find the JWKS at `<iss>/.well-known/jwks.json`.
    case local
    /// `https://cognito-idp.<region>.amazonaws.com/<poolId>`, for code that checks that exact issuer
    /// and loads the JWKS from the emulator.
    case aws
}

/// The Cognito user-pool service: pools, clients, users, credentials, codes and tokens.
///
/// An actor, so its in-memory state changes one step at a time. Operations await between steps
/// (triggers, password hashing off the actor), so two of them may interleave there; what must not is
/// decided where it cannot: inside one SQLite write transaction (the insert that takes a username
/// checks it is free, so of two sign-ups of one username one gets UsernameExistsException; the write
/// that counts a failed password checks the lockout), or by taking a pending sign-in out of
/// `pendingSignIns` while its answer is checked (a second answer to the same challenge finds nothing).
/// Each operation's writes are committed before it answers.
/// Every AWS operation is a method taking and returning AWS's shapes, so Swift code and the AWS
/// JSON endpoint drive exactly the same logic.
public actor CognitoService {
    /// The clock that token and code expiry use.
    public nonisolated let clock: EmulatorClock
    /// The messages Cognito would have sent.
    public nonisolated let outbox: Outbox
    let store: CognitoStore
    /// Sign-in sessions and new users, committed in groups (one fsync for the writes that arrive together).
    nonisolated let commits: GroupCommit
    nonisolated let verifiedAccessTokens = VerifiedAccessTokens()
    nonisolated let triggerRunner = NIOLockedValueBox<CognitoTriggerRunner?>(nil)
    let logger: Logger
    /// The region the pools live in.
    package nonisolated let region: String
    package nonisolated let accountID: String
    private nonisolated let issuerBaseStorage: NIOLockedValueBox<String>
    private nonisolated let revocations = Atomic<Int>(0)
    /// The pools and clients: the configuration's, then those created through the API.
    nonisolated let registry: NIOLockedValueBox<PoolRegistry>
    /// How new tokens' `iss` is written.
    public nonisolated let issuerStyle: IssuerStyle
    /// What the service was provisioned from, for ``reset()``.
    let configuration: CognitoConfiguration
    /// Sign-ins waiting on a challenge, by the key the answer names (see ``PendingSignIn``).
    var pendingSignIns: [String: PendingSignIn] = [:]
    /// Each pool's modeled description (without its user count), while the pool is unchanged.
    var modeledDescriptions: [String: (created: Double, revision: Int, value: JSONValue)] = [:]
    /// Passkey registrations started (StartWebAuthnRegistration), by `<pool>/<username>`: the challenge and until when.
    var webAuthnRegistrations: [String: (challenge: [UInt8], expires: Double)] = [:]
    private var revocationPending = false

    /// Provisions the configured pools, clients and groups on top of `store`, generating signing keys
    /// and client secrets the first time and reusing the stored ones afterwards.
    /// - Parameters:
    ///   - configuration: The pools, clients and groups, and the account they live in.
    ///   - store: The state (a file, or in memory).
    ///   - clock: The clock for expiry.
    ///   - outbox: Where codes and invitations go.
    ///   - issuerBase: `http://host:port` of the Cognito endpoint; change it with ``setIssuerBase(_:)`` once bound.
    ///   - issuerStyle: How the `iss` of new tokens is written.
    ///   - logger: Where codes and notable events are logged.
    /// - Throws: When the state cannot be read or written, or a key cannot be generated.
    public init(
        configuration: CognitoConfiguration,
        store: CognitoStore,
        clock: EmulatorClock = EmulatorClock(),
        outbox: Outbox = Outbox(),
        issuerBase: String = "http://127.0.0.1:9229",
        issuerStyle: IssuerStyle = .local,
        logger: Logger = Logger(label: "emulate.cognito", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws {
        self.issuerStyle = issuerStyle
        self.store = store
        self.commits = GroupCommit(store: store) { db in
            try GroupCommit.pruneExpired(before: clock.now - GroupCommit.retention, db)
        }
        self.clock = clock
        self.outbox = outbox
        self.issuerBaseStorage = NIOLockedValueBox(issuerBase)
        self.logger = logger
        self.region = configuration.region
        self.accountID = configuration.accountID
        let now = clock.now
        let poolIDs = configuration.pools.map { configuration.poolID(forLogicalID: $0.logicalID) }
        let storedPools = try store.read { db in try StoredPool.order(Column("created"), Column("id")).fetchAll(db) }
            .filter { !poolIDs.contains($0.id) }
        let keys = try Self.loadOrGenerateKeys(poolIDs: poolIDs + storedPools.map(\.id), store: store, now: now)
        // The configuration's pools are about to be used: their new keys are made now, in the background.
        for id in poolIDs { for use in ["id", "access"] { keys[id + "/" + use]?.prepare() } }
        var registry = PoolRegistry()
        for (pool, id) in zip(configuration.pools, poolIDs) {
            let created = try Self.resourceRecord(id: id, store: store, now: now, secret: false).created
            registry.add(
                LivePool(
                    id: id,
                    arn: ARN.userPool(id, region: region, account: accountID).description,
                    configuration: pool,
                    created: created,
                    modified: created,
                    origin: .configuration,
                    definition: pool.definition,
                    keys: PoolKeySet(id: keys[id + "/id"]!, access: keys[id + "/access"]!)
                )
            )
        }
        for client in configuration.clients {
            let id = configuration.clientID(forLogicalID: client.logicalID)
            let poolID = configuration.poolID(forLogicalID: client.poolLogicalID)
            let record = try Self.resourceRecord(id: id, store: store, now: now, secret: client.generateSecret)
            registry.clients[id] = LiveClient(
                id: id,
                poolID: poolID,
                configuration: client,
                secret: client.generateSecret ? record.secret : nil,
                created: record.created,
                modified: record.created,
                origin: .configuration,
                definition: client.definition
            )
        }
        try Self.restoreCreated(storedPools, keys: keys, into: &registry, store: store, region: region, accountID: accountID)
        try Self.restoreSecrets(into: &registry, store: store)
        self.registry = NIOLockedValueBox(registry)
        self.configuration = configuration
        try store.write { db in try Self.provisionGroups(configuration, now: now, db) }
        Task { self.resumeImportJobs() }
    }

    /// Creates or refreshes the configuration's groups.
    static func provisionGroups(_ configuration: CognitoConfiguration, now: Double, _ db: Database) throws {
        for group in configuration.groups {
            let poolID = configuration.poolID(forLogicalID: group.poolLogicalID)
            var stored =
                try StoredGroup.fetchOne(db, key: ["poolId": poolID, "name": group.name])
                ?? StoredGroup(poolId: poolID, name: group.name, created: now, modified: now)
            stored.description = group.description
            stored.precedence = group.precedence
            stored.roleArn = group.roleARN
            try stored.save(db)
        }
    }

    /// Counts revocations (sign-outs, revoked tokens, disabled or deleted users): a cached token check
    /// made at the same count is still current, so the authorizer's hot path needs no database read.
    package nonisolated var revocationEpoch: Int { revocations.load(ordering: .acquiring) }

    /// Records that the running write revokes a session; the epoch moves once it has committed, so a
    /// check that read the database before the commit is never cached as current.
    func noteRevocation() {
        revocationPending = true
    }

    /// `http://host:port`, the prefix of every pool's issuer.
    package nonisolated var issuerBase: String { issuerBaseStorage.withLockedValue { $0 } }

    /// Sets `http://host:port` once the Cognito listener knows its port.
    package nonisolated func setIssuerBase(_ base: String) {
        issuerBaseStorage.withLockedValue { $0 = base }
    }

    /// The pools, by ID.
    nonisolated var pools: [String: LivePool] { registry.withLockedValue { $0.pools } }

    /// The clients, by ID.
    nonisolated var clients: [String: LiveClient] { registry.withLockedValue { $0.clients } }

    /// The pools: the configuration's in its order, then those created through the API.
    public nonisolated var livePools: [LivePool] { registry.withLockedValue { registry in registry.order.compactMap { registry.pools[$0] } } }

    /// The pool with an ARN (as an authorizer names it), if provisioned.
    package nonisolated func pool(arn: String) -> LivePool? {
        pools.values.first { $0.arn == arn }
    }

    /// The provisioned clients of a pool.
    package nonisolated func liveClients(poolID: String) -> [LiveClient] {
        clients.values.filter { $0.poolID == poolID }.sorted { $0.configuration.logicalID < $1.configuration.logicalID }
    }

    /// The issuer of a pool's new tokens: `http://host:port/<poolId>`, or AWS's
    /// `https://cognito-idp.<region>.amazonaws.com/<poolId>` under ``IssuerStyle/aws``.
    package nonisolated func issuer(poolID: String) -> String {
        switch issuerStyle {
        case .local: return localIssuer(poolID: poolID)
        case .aws: return "https://cognito-idp.\(region).amazonaws.com/\(poolID)"
        }
    }

    /// `http://host:port/<poolId>`: where the pool's JWKS and OpenID configuration are served.
    package nonisolated func localIssuer(poolID: String) -> String { "\(issuerBase)/\(poolID)" }

    /// Whether `iss` is one this emulator may have written for the pool: either style, and the local
    /// one under any host and port, so a token stays valid after a restart on another port (its
    /// signature by the pool's own key is what proves it).
    package nonisolated func acceptsIssuer(_ iss: String?, poolID: String) -> Bool {
        guard let iss else { return false }
        if iss == issuer(poolID: poolID) || iss == "https://cognito-idp.\(region).amazonaws.com/\(poolID)" { return true }
        for scheme in ["http://", "https://"] where iss.hasPrefix(scheme) && iss.hasSuffix("/" + poolID) {
            let authority = iss.dropFirst(scheme.count).dropLast(poolID.count + 1)
            return !authority.isEmpty && !authority.contains("/")
        }
        return false
    }

    /// The pool's JWKS (both keys), or nil for an unknown pool.
    /// - Throws: When a key being generated could not be generated or stored.
    package nonisolated func jwks(poolID: String) async throws -> JSONValue? {
        guard let pool = pools[poolID] else { return nil }
        return try await pool.keys.jwks()
    }

    /// The pool's OpenID configuration document, or nil for an unknown pool.
    package nonisolated func openIDConfiguration(poolID: String) -> JSONValue? {
        guard pools[poolID] != nil else { return nil }
        let issuer = issuer(poolID: poolID)
        let base = localIssuer(poolID: poolID)
        // The OAuth endpoints live at the Cognito port's root: it stands for the pool's domain
        // (`https://<domain>.auth.<region>.amazoncognito.com`); the client ID names the pool.
        let domain = issuerBase
        return .object([
            .init("authorization_endpoint", .string("\(domain)/oauth2/authorize")),
            .init("id_token_signing_alg_values_supported", .array([.string("RS256")])),
            .init("issuer", .string(issuer)),
            .init("jwks_uri", .string("\(base)/.well-known/jwks.json")),
            .init("response_types_supported", .array([.string("code"), .string("token")])),
            .init("revocation_endpoint", .string("\(domain)/oauth2/revoke")),
            .init("scopes_supported", .array(["openid", "email", "phone", "profile"].map(JSONValue.string))),
            .init("subject_types_supported", .array([.string("public")])),
            .init("token_endpoint", .string("\(domain)/oauth2/token")),
            .init("token_endpoint_auth_methods_supported", .array([.string("client_secret_basic"), .string("client_secret_post")])),
            .init("userinfo_endpoint", .string("\(domain)/oauth2/userInfo")),
        ])
    }

    // MARK: - Start-up

    /// The stored keys, and a background generation (stored when done) for each key not stored yet.
    static func loadOrGenerateKeys(poolIDs: [String], store: CognitoStore, now: Double) throws -> [String: SigningKey] {
        let stored = try store.read { db in try StoredKey.fetchAll(db) }
        var keys: [String: SigningKey] = [:]
        for key in stored where poolIDs.contains(key.poolId) {
            keys[key.poolId + "/" + key.use] = SigningKey(key: try RSAKey(privateKeyDER: [UInt8](key.der)))
        }
        for poolID in poolIDs {
            for use in ["id", "access"] where keys[poolID + "/" + use] == nil {
                let name = poolID + "/" + use
                let generate = {
                    SigningKey { key in
                        try store.write { db in try StoredKey(poolId: poolID, use: use, der: Data(key.privateKeyDER), created: now).insert(db) }
                    }
                }
                // In-memory state keeps nothing across runs, so emulators of one process (a test suite) may share
                // the pool's keys: RSA key generation is the costliest part of starting one.
                guard store.path == nil else {
                    keys[name] = generate()
                    continue
                }
                keys[name] = inMemoryKeys.withLockedValue { shared in
                    if let key = shared[name] { return key }
                    let key = generate()
                    shared[name] = key
                    return key
                }
            }
        }
        return keys
    }

    /// The signing keys in-memory emulators of this process generated, by `<pool ID>/<use>`.
    private static let inMemoryKeys = NIOLockedValueBox<[String: SigningKey]>([:])

    private static func resourceRecord(id: String, store: CognitoStore, now: Double, secret: Bool) throws -> StoredResource {
        try store.write { db in
            var record = try StoredResource.fetchOne(db, key: id) ?? StoredResource(id: id, created: now, secret: nil)
            if secret, record.secret == nil { record.secret = StableID.clientSecret() }
            try record.save(db)
            return record
        }
    }

    // MARK: - Lookups shared by operations

    func pool(_ id: String?) throws(CognitoError) -> LivePool {
        guard let id else { throw .missing("UserPoolId") }
        guard let pool = pools[id] else { throw .resourceNotFound("User pool \(id) does not exist.") }
        return pool
    }

    func client(_ id: String, poolID: String? = nil) throws(CognitoError) -> LiveClient {
        guard let client = clients[id], poolID == nil || client.poolID == poolID else {
            throw .resourceNotFound("User pool client \(id) does not exist.")
        }
        return client
    }

    /// Runs a store operation, turning a database failure into InternalErrorException.
    func database<T>(_ body: (Database) throws -> T, write: Bool = true) throws(CognitoError) -> T {
        defer {
            if revocationPending {
                revocationPending = false
                revocations.add(1, ordering: .releasing)
            }
        }
        do {
            return write ? try store.write(body) : try store.read(body)
        } catch let error as CognitoError {
            throw error
        } catch {
            throw stateFailure(error)
        }
    }

    /// Runs a write in the next group commit (``GroupCommit``), turning a database failure into
    /// InternalErrorException; returns once the write is on disk.
    func committed<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(CognitoError) -> T {
        do {
            return try await commits.write(body)
        } catch let error as CognitoError {
            throw error
        } catch {
            throw stateFailure(error)
        }
    }

    /// Logs a failure to read or write the state and answers it as InternalErrorException.
    nonisolated func stateFailure(_ error: any Error) -> CognitoError {
        if let refused = error as? TextSafetyError { return .invalidParameter("\(refused)") }
        logger.error("state write failed", metadata: ["error": "\(error)"])
        return .internalError("The emulator could not read or write its state: \(error)")
    }
}
