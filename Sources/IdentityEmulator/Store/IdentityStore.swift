import CognitoEmulator
import EmulatorCore
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The identity pools' state in SQLite (a file beside the user pools', or memory): the pools with their
/// roles, the identities and the logins linked to them, and the emulator's keys for session tokens and
/// OpenID tokens. Every write is one transaction committed before the operation answers.
public final class IdentityStore: Sendable {
    /// What opening the state failed on.
    public struct OpenError: Error, Sendable, CustomStringConvertible {
        /// Why, with the path.
        public let description: String
    }

    let database: DatabaseQueue

    /// Opens (creating and migrating as needed) the state; nil `path` keeps it in memory.
    public init(path: String?) throws(OpenError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(CognitoStore.busyTimeout)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            if let path {
                database = try DatabaseQueue(path: path, configuration: configuration)
                try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            } else {
                database = try DatabaseQueue(configuration: configuration)
            }
            let migrator = Self.migrator
            let known = Set(migrator.migrations)
            let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw OpenError(description: "\(path ?? "state"): written by a newer emulator (migration '\(unknown)'); it is left untouched")
            }
            try migrator.migrate(database)
        } catch let error as OpenError {
            throw error
        } catch {
            throw OpenError(description: "\(path ?? "in-memory state"): cannot be opened as the emulator's identity state (\(error))")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "secrets") { t in
                t.primaryKey("name", .text)
                t.column("value", .blob).notNull()
            }
            try db.create(table: "identityPools") { t in
                t.primaryKey("id", .text)
                t.column("document", .text).notNull()
                t.column("created", .double).notNull()
            }
            try db.create(table: "identities") { t in
                t.primaryKey("id", .text)
                t.column("poolId", .text).notNull().indexed()
                t.column("created", .double).notNull()
                t.column("modified", .double).notNull()
            }
            try db.create(table: "logins") { t in
                t.column("poolId", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("identityId", .text).notNull().indexed()
                t.primaryKey(["poolId", "provider", "subject"])
            }
        }
        return migrator
    }

    /// The secret named `name`, made by `make` (and kept) the first time it is asked for.
    public func secret(_ name: String, make: () throws -> [UInt8]) throws -> [UInt8] {
        try database.write { db in
            if let value = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = ?", arguments: [name]) { return Array(value) }
            let value = try make()
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES (?, ?)", arguments: [name, Data(value)])
            return value
        }
    }

    // MARK: Pools

    func pool(_ id: String) throws -> JSONValue? {
        try database.read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT document FROM identityPools WHERE id = ?"), arguments: [id]).flatMap {
                JSONValue.parse(Array($0.utf8))
            }
        }
    }

    func pools() throws -> [JSONValue] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT document FROM identityPools ORDER BY created, id").compactMap { JSONValue.parse(Array($0.utf8)) }
        }
    }

    func savePool(_ id: String, _ document: JSONValue, now: Double) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO identityPools (id, document, created) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET document = excluded.document",
                arguments: [id, document.serialized, now]
            )
        }
    }

    func deletePool(_ id: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM logins WHERE poolId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM identities WHERE poolId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM identityPools WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    // MARK: Identities

    struct Identity: Sendable {
        var id: String
        var poolID: String
        var created: Double
        var modified: Double
        /// The linked logins: provider and subject.
        var logins: [(provider: String, subject: String)]
    }

    func identity(_ id: String) throws -> Identity? {
        try database.read { db in try Self.identity(id, db) }
    }

    private static func identity(_ id: String, _ db: Database) throws -> Identity? {
        // Prepared once per connection (GetCredentialsForIdentity reads these on every call).
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT poolId, created, modified FROM identities WHERE id = ?"), arguments: [id])
        else { return nil }
        let logins = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT provider, subject FROM logins WHERE identityId = ? ORDER BY provider, subject"),
            arguments: [id]
        )
        .map { (provider: $0[0] as String, subject: $0[1] as String) }
        return Identity(id: id, poolID: row[0], created: row[1], modified: row[2], logins: logins)
    }

    func identities(poolID: String) throws -> [Identity] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM identities WHERE poolId = ? ORDER BY created, id", arguments: [poolID]).compactMap {
                try Self.identity($0, db)
            }
        }
    }

    /// The identity a login belongs to.
    func identity(poolID: String, provider: String, subject: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT identityId FROM logins WHERE poolId = ? AND provider = ? AND subject = ?"),
                arguments: [poolID, provider, subject]
            )
        }
    }

    /// Finds or creates the identity for `logins` (the first login already linked names it, and the
    /// others are linked to it), or a new unauthenticated identity when there are none. Answers its ID.
    func resolveIdentity(
        poolID: String,
        logins: [(provider: String, subject: String)],
        existing: String?,
        newID: String,
        now: Double
    ) throws -> String {
        try database.write { db in
            var id = existing
            if id == nil {
                for login in logins {
                    if let found = try String.fetchOne(
                        db,
                        sql: "SELECT identityId FROM logins WHERE poolId = ? AND provider = ? AND subject = ?",
                        arguments: [poolID, login.provider, login.subject]
                    ) {
                        id = found
                        break
                    }
                }
            }
            let identityID = id ?? newID
            try db.execute(
                sql:
                    "INSERT INTO identities (id, poolId, created, modified) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET modified = excluded.modified",
                arguments: [identityID, poolID, now, now]
            )
            for login in logins {
                try db.execute(
                    sql:
                        "INSERT INTO logins (poolId, provider, subject, identityId) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET identityId = excluded.identityId",
                    arguments: [poolID, login.provider, login.subject, identityID]
                )
            }
            return identityID
        }
    }

    func unlink(identityID: String, provider: String, subject: String?) throws {
        try database.write { db in
            if let subject {
                try db.execute(
                    sql: "DELETE FROM logins WHERE identityId = ? AND provider = ? AND subject = ?",
                    arguments: [identityID, provider, subject]
                )
            } else {
                try db.execute(sql: "DELETE FROM logins WHERE identityId = ? AND provider = ?", arguments: [identityID, provider])
            }
        }
    }

    /// Moves every login of `source` to `destination` and deletes `source`.
    func merge(_ source: String, into destination: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE logins SET identityId = ? WHERE identityId = ?", arguments: [destination, source])
            try db.execute(sql: "DELETE FROM identities WHERE id = ?", arguments: [source])
        }
    }

    func deleteIdentity(_ id: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM logins WHERE identityId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM identities WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    func subjects(identityID: String, provider: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT subject FROM logins WHERE identityId = ? AND provider = ? ORDER BY subject",
                arguments: [identityID, provider]
            )
        }
    }
}
