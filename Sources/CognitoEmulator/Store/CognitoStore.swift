import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The user pools' state in SQLite: a file under the state directory, or an in-memory database.
///
/// Every write is one transaction, committed (WAL, `synchronous = FULL`) before the operation
/// answers, so nothing acknowledged is lost to a crash. Schema changes are versioned migrations.
public final class CognitoStore: Sendable {
    /// What opening the state failed on.
    public struct OpenError: Error, Sendable, CustomStringConvertible {
        /// Why, with the path.
        public let description: String
    }

    /// SQLite's page cache, in KiB: what the state may hold in memory however many users it has.
    public static let pageCacheKiB = 8192

    let database: DatabaseQueue
    /// The file, or nil when in memory.
    public let path: String?

    /// How long a write waits for a lock another process holds on the file (a `sqlite3` shell with a
    /// transaction open, say) before it is refused as "database is locked".
    package static let busyTimeout: Double = 2

    /// Opens (creating and migrating as needed) the state.
    /// - Parameter path: The SQLite file, or nil for an in-memory database that writes nothing to disk.
    /// - Throws: ``OpenError`` when the file cannot be opened, is not a database, or was written by a newer emulator.
    public init(path: String?) throws(OpenError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKiB)")
        }
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
            throw OpenError(description: "\(path ?? "in-memory state"): cannot be opened as the emulator's state (\(error)); it is left untouched")
        }
    }

    /// Runs `body` in one write transaction.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try database.write(body)
    }

    /// Runs `body` with a consistent read: the queue runs one block at a time, so no write interleaves
    /// with its statements. (`DatabaseQueue.read` would also switch SQLite to query-only and back around
    /// every block, statements GRDB prepares and authorizes each time: a sixth of a GetUser's cost.)
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.inDatabase(body)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "users") { t in
                t.column("poolId", .text).notNull()
                t.column("username", .text).notNull()
                t.column("sub", .text).notNull().unique()
                t.column("status", .text).notNull()
                t.column("enabled", .boolean).notNull()
                t.column("attributes", .text).notNull()
                t.column("email", .text)
                t.column("phoneNumber", .text)
                t.column("preferredUsername", .text)
                t.column("passwordSalt", .text)
                t.column("passwordVerifier", .blob)
                t.column("temporaryPasswordExpires", .double)
                t.column("failedAttempts", .integer).notNull()
                t.column("lockedUntil", .double)
                t.column("created", .double).notNull()
                t.column("modified", .double).notNull()
                t.primaryKey(["poolId", "username"])
            }
            try db.create(index: "users_email", on: "users", columns: ["poolId", "email"])
            try db.create(index: "users_phone", on: "users", columns: ["poolId", "phoneNumber"])
            try db.create(table: "sessions") { t in
                t.column("originJti", .text).primaryKey()
                t.column("poolId", .text).notNull()
                t.column("username", .text).notNull()
                t.column("clientId", .text).notNull()
                t.column("refreshTokenHash", .text).notNull().unique()
                t.column("authTime", .double).notNull()
                t.column("created", .double).notNull()
                t.column("refreshExpires", .double).notNull()
                t.column("revoked", .boolean).notNull()
            }
            try db.create(index: "sessions_user", on: "sessions", columns: ["poolId", "username"])
            try db.create(table: "codes") { t in
                t.column("poolId", .text).notNull()
                t.column("username", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("code", .text).notNull()
                t.column("expires", .double).notNull()
                t.primaryKey(["poolId", "username", "purpose"])
            }
            try db.create(table: "groups") { t in
                t.column("poolId", .text).notNull()
                t.column("name", .text).notNull()
                t.column("description", .text)
                t.column("precedence", .integer)
                t.column("roleArn", .text)
                t.column("created", .double).notNull()
                t.column("modified", .double).notNull()
                t.primaryKey(["poolId", "name"])
            }
            try db.create(table: "memberships") { t in
                t.column("poolId", .text).notNull()
                t.column("groupName", .text).notNull()
                t.column("username", .text).notNull()
                t.primaryKey(["poolId", "groupName", "username"])
            }
            try db.create(table: "keys") { t in
                t.column("poolId", .text).notNull()
                t.column("use", .text).notNull()
                t.column("der", .blob).notNull()
                t.column("created", .double).notNull()
                t.primaryKey(["poolId", "use"])
            }
            try db.create(table: "resources") { t in
                t.column("id", .text).primaryKey()
                t.column("created", .double).notNull()
                t.column("secret", .text)
            }
        }
        // DescribeUserPool's EstimatedNumberOfUsers: counted as rows come and go, not by scanning the users.
        // ListUsers filtered on email or phone: indexes that also give the listing's username order.
        migrator.registerMigration("v2-counts-and-filter-indexes") { db in
            try db.drop(index: "users_email")
            try db.drop(index: "users_phone")
            try db.create(index: "users_email", on: "users", columns: ["poolId", "email", "username"])
            try db.create(index: "users_phone", on: "users", columns: ["poolId", "phoneNumber", "username"])
            try db.create(table: "userCounts") { t in
                t.column("poolId", .text).primaryKey()
                t.column("count", .integer).notNull()
            }
            try db.execute(
                sql: """
                    INSERT INTO userCounts (poolId, count) SELECT poolId, COUNT(*) FROM users GROUP BY poolId;
                    CREATE TRIGGER users_counted_in AFTER INSERT ON users BEGIN
                        INSERT INTO userCounts (poolId, count) VALUES (NEW.poolId, 1) ON CONFLICT (poolId) DO UPDATE SET count = count + 1;
                    END;
                    CREATE TRIGGER users_counted_out AFTER DELETE ON users BEGIN
                        UPDATE userCounts SET count = count - 1 WHERE poolId = OLD.poolId;
                    END;
                    """
            )
        }
        // Refresh token rotation: the token rotated out keeps working for the client's grace period.
        migrator.registerMigration("v3-refresh-rotation") { db in
            try db.alter(table: "sessions") { t in
                t.add(column: "previousRefreshTokenHash", .text)
                t.add(column: "previousValidUntil", .double)
            }
            try db.create(index: "sessions_previous_token", on: "sessions", columns: ["previousRefreshTokenHash"])
        }
        // MFA: a software-token secret per user and the methods enabled.
        migrator.registerMigration("v4-mfa") { db in
            try db.alter(table: "users") { t in
                t.add(column: "totpSecret", .text)
                t.add(column: "totpVerified", .boolean)
                t.add(column: "mfaSoftware", .boolean)
                t.add(column: "mfaSMS", .boolean)
                t.add(column: "mfaEmail", .boolean)
                t.add(column: "preferredMfa", .text)
            }
        }
        migrator.registerMigration("v5-control-plane") { db in
            try db.create(table: "userPools") { t in
                t.primaryKey("id", .text)
                t.column("definition", .text).notNull()
                t.column("created", .double).notNull()
                t.column("modified", .double).notNull()
            }
            try db.create(table: "userPoolClients") { t in
                t.primaryKey("id", .text)
                t.column("poolId", .text).notNull().indexed()
                t.column("definition", .text).notNull()
                t.column("secret", .text)
                t.column("created", .double).notNull()
                t.column("modified", .double).notNull()
            }
            try db.create(index: "sessions_refresh_expiry", on: "sessions", columns: ["refreshExpires"])
            try db.create(table: "poolDocuments") { t in
                t.column("kind", .text).notNull()
                t.column("key", .text).notNull()
                t.column("poolId", .text).notNull().indexed()
                t.column("document", .text).notNull()
                t.column("created", .double).notNull()
                t.column("modified", .double).notNull()
                t.primaryKey(["kind", "key"])
            }
            try db.create(table: "importFiles") { t in
                t.primaryKey("jobId", .text)
                t.column("contents", .blob).notNull()
            }
        }
        migrator.registerMigration("v6-oauth-scopes") { db in
            // The OAuth scopes a session was granted through the hosted pages (space-separated), which its
            // refreshed tokens keep; NULL for sessions begun through the API.
            try db.alter(table: "sessions") { t in t.add(column: "scopes", .text) }
        }
        // ListUsers' `username ^= "…"`: a case-insensitive prefix, which the binary primary key cannot serve.
        migrator.registerMigration("v7-username-prefix-index") { db in
            try db.execute(sql: "CREATE INDEX users_username_nocase ON users(poolId, username COLLATE NOCASE)")
        }
        return migrator
    }

    /// The user with a username, through a prepared statement (the hot paths' lookup).
    static func user(poolID: String, username: String, _ db: Database) throws -> StoredUser? {
        try StoredUser.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE poolId = ? AND username = ?"), arguments: [poolID, username])
    }

    /// The names of a user's groups, sorted, through a prepared statement.
    static func groupNames(poolID: String, username: String, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT groupName FROM memberships WHERE poolId = ? AND username = ? ORDER BY groupName"),
            arguments: [poolID, username]
        )
    }

    /// The IAM roles of the user's groups that have one, with their precedence.
    static func groupRoles(poolID: String, username: String, _ db: Database) throws -> [(role: String, precedence: Int?)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT g.roleArn, g.precedence FROM memberships m JOIN groups g ON g.poolId = m.poolId AND g.name = m.groupName
                    WHERE m.poolId = ? AND m.username = ? AND g.roleArn IS NOT NULL ORDER BY g.name
                    """
            ),
            arguments: [poolID, username]
        ).map { (role: $0[0], precedence: $0[1]) }
    }

    /// The number of users in a pool, kept by triggers as users are created and deleted.
    static func userCount(poolID: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count FROM userCounts WHERE poolId = ?", arguments: [poolID]) ?? 0
    }
}
