import EmulatorCore
import EmulatorCrypto
import GRDB
import Logging
import NIOConcurrencyHelpers

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Pools and clients created, changed and deleted through the API.
///
/// A pool or client created through the API is stored with the members it was created with and
/// restored at every start; one from the configuration (serverless.yml) can be changed or deleted
/// too, but is rebuilt from the configuration at the next start (serverless.yml wins).
extension CognitoService {
    /// CreateUserPool.
    package func createUserPool(_ request: CreateUserPoolRequest) async throws(CognitoError) -> JSONDocument {
        guard let name = request["PoolName"]?.stringValue else { throw .missing("PoolName") }
        let id = region + "_" + Self.randomCharacters(9, from: Self.poolIDAlphabet)
        let configuration = try UserPoolConfiguration(definition: request.value, logicalID: id)
        let now = clock.now
        let definition = Self.definition(request.value, without: [])
        let keys: [String: SigningKey]
        do {
            try store.write { db in
                try StoredPool(id: id, definition: definition.serialized, created: now, modified: now).insert(db)
            }
            keys = try Self.loadOrGenerateKeys(poolIDs: [id], store: store, now: now)
        } catch {
            _ = try? store.write { db in try StoredPool.deleteOne(db, key: id) }
            throw stateFailure(error)
        }
        let pool = LivePool(
            id: id,
            arn: ARN.userPool(id, region: region, account: accountID).description,
            configuration: configuration,
            created: now,
            modified: now,
            origin: .api,
            definition: definition,
            keys: PoolKeySet(id: keys[id + "/id"]!, access: keys[id + "/access"]!)
        )
        registry.withLockedValue { $0.add(pool) }
        logger.info("created user pool", metadata: ["pool": "\(id)", "name": "\(LogText.escaped(name))"])
        return JSONDocument([("UserPool", try poolDescription(pool))])
    }

    /// UpdateUserPool: the members given replace the pool's settings; those left out return to their
    /// defaults, as AWS documents. The schema and the name stay (AddCustomAttributes changes the schema).
    package func updateUserPool(_ request: UpdateUserPoolRequest) throws(CognitoError) -> EmptyResponse {
        try modifyPool(request["UserPoolId"]?.stringValue) { pool throws(CognitoError) in
            var definition = Self.definition(request.value, without: ["UserPoolId"])
            for kept in ["Schema", "UserPoolTags"] where definition[kept] == nil {
                if let value = pool.definition[kept] { definition = Self.setting(kept, value, in: definition) }
            }
            if definition["PoolName"] == nil { definition = Self.setting("PoolName", .string(pool.configuration.name), in: definition) }
            var configuration = try UserPoolConfiguration(definition: definition, logicalID: pool.configuration.logicalID)
            configuration.schema = pool.configuration.schema
            pool.configuration = configuration
            pool.definition = definition
        }
        return EmptyResponse()
    }

    /// DeleteUserPool: the pool, its clients, users, groups, sessions, codes and keys.
    package func deleteUserPool(_ request: DeleteUserPoolRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        guard !pool.configuration.deletionProtection else {
            throw .invalidParameter(
                "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first."
            )
        }
        noteRevocation()
        try database { db in try CognitoStore.deletePool(pool.id, db) }
        registry.withLockedValue { $0.removePool(pool.id) }
        modeledDescriptions[pool.id] = nil
        return EmptyResponse()
    }

    /// CreateUserPoolClient.
    package func createUserPoolClient(_ request: CreateUserPoolClientRequest) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let id = Self.randomCharacters(26, from: Self.clientIDAlphabet)
        let definition = Self.definition(request.value, without: ["UserPoolId"])
        let configuration = try UserPoolClientConfiguration(definition: definition, logicalID: id, poolLogicalID: pool.configuration.logicalID)
        let now = clock.now
        let client = LiveClient(
            id: id,
            poolID: pool.id,
            configuration: configuration,
            secret: configuration.generateSecret ? StableID.clientSecret() : nil,
            created: now,
            modified: now,
            origin: .api,
            definition: definition
        )
        try database { db in try Self.stored(client).insert(db) }
        registry.withLockedValue { $0.clients[id] = client }
        return JSONDocument([("UserPoolClient", try clientDescription(client))])
    }

    /// UpdateUserPoolClient: the members given replace the client's settings, as on AWS (those left out
    /// return to their defaults); the secret stays.
    package func updateUserPoolClient(_ request: UpdateUserPoolClientRequest) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        guard let clientID = request["ClientId"]?.stringValue else { throw .missing("ClientId") }
        var client = try client(clientID, poolID: pool.id)
        var definition = Self.definition(request.value, without: ["UserPoolId", "ClientId"])
        if definition["ClientName"] == nil { definition = Self.setting("ClientName", .string(client.configuration.name), in: definition) }
        definition = Self.setting("GenerateSecret", .bool(client.secret != nil), in: definition)
        client.configuration = try UserPoolClientConfiguration(
            definition: definition,
            logicalID: client.configuration.logicalID,
            poolLogicalID: client.configuration.poolLogicalID
        )
        client.definition = definition
        client.modified = clock.now
        if client.origin == .api {
            let stored = Self.stored(client)
            try database { db in try stored.update(db) }
        }
        let updated = client
        registry.withLockedValue { $0.clients[updated.id] = updated }
        return JSONDocument([("UserPoolClient", try clientDescription(updated))])
    }

    /// DeleteUserPoolClient.
    package func deleteUserPoolClient(_ request: DeleteUserPoolClientRequest) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request.UserPoolId)
        let client = try client(request.ClientId, poolID: pool.id)
        noteRevocation()
        try database { db in
            _ = try StoredClient.deleteOne(db, key: client.id)
            try CognitoStore.revokeSessions(clientID: client.id, db)
        }
        registry.withLockedValue { $0.clients[client.id] = nil }
        return EmptyResponse()
    }

    /// Empties all state (`POST /_emulate/reset`): the pools and clients created through the API, and
    /// every user, group, session and code; the configuration's pools, clients and groups stay as
    /// provisioned, with their signing keys.
    package func reset() throws(CognitoError) {
        noteRevocation()
        let now = clock.now
        let configuration = configuration
        try database { db in
            try CognitoStore.deleteAll(keepingKeysOf: configuration.pools.map { configuration.poolID(forLogicalID: $0.logicalID) }, db)
            try Self.provisionGroups(configuration, now: now, db)
        }
        registry.withLockedValue { registry in
            for pool in registry.pools.values where pool.origin == .api { registry.removePool(pool.id) }
            registry.clients = registry.clients.filter { $0.value.origin == .configuration }
        }
        pendingSignIns.removeAll()
        modeledDescriptions.removeAll()
        outbox.removeAll()
    }

    // MARK: - Start-up

    /// Restores the pools and clients created through the API.
    static func restoreCreated(
        _ pools: [StoredPool],
        keys: [String: SigningKey],
        into registry: inout PoolRegistry,
        store: CognitoStore,
        region: String,
        accountID: String
    ) throws {
        for stored in pools {
            let definition = JSONValue.parse(Array(stored.definition.utf8)) ?? .object([])
            let configuration = try UserPoolConfiguration(definition: definition, logicalID: stored.id)
            registry.add(
                LivePool(
                    id: stored.id,
                    arn: ARN.userPool(stored.id, region: region, account: accountID).description,
                    configuration: configuration,
                    created: stored.created,
                    modified: stored.modified,
                    origin: .api,
                    definition: definition,
                    keys: PoolKeySet(id: keys[stored.id + "/id"]!, access: keys[stored.id + "/access"]!)
                )
            )
        }
        let clients = try store.read { db in try StoredClient.order(Column("created"), Column("id")).fetchAll(db) }
        for stored in clients {
            guard let pool = registry.pools[stored.poolId] else { continue }
            let definition = JSONValue.parse(Array(stored.definition.utf8)) ?? .object([])
            registry.clients[stored.id] = LiveClient(
                id: stored.id,
                poolID: pool.id,
                configuration: try UserPoolClientConfiguration(
                    definition: definition,
                    logicalID: stored.id,
                    poolLogicalID: pool.configuration.logicalID
                ),
                secret: stored.secret,
                created: stored.created,
                modified: stored.modified,
                origin: .api,
                definition: definition
            )
        }
    }

    // MARK: - Helpers

    private static let poolIDAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    private static let clientIDAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    private static func randomCharacters(_ count: Int, from alphabet: [Character]) -> String {
        String(SecureRandom.bytes(count).map { alphabet[Int($0) % alphabet.count] })
    }

    private static func stored(_ client: LiveClient) -> StoredClient {
        StoredClient(
            id: client.id,
            poolId: client.poolID,
            definition: client.definition.serialized,
            secret: client.secret,
            created: client.created,
            modified: client.modified
        )
    }

    /// The request's members without `excluded` and without nulls.
    static func definition(_ value: JSONValue, without excluded: Set<String>) -> JSONValue {
        .object((value.members ?? []).filter { !excluded.contains($0.key) && $0.value != .null })
    }

    static func setting(_ key: String, _ value: JSONValue, in definition: JSONValue) -> JSONValue {
        .object((definition.members ?? []).filter { $0.key != key } + [.init(key, value)])
    }
}
