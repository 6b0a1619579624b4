import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The statements the service's operations need beyond a record's own fetch and save, by what they
/// do: the SQL lives here, so operations ask for a pool's rows to go or a client's sessions to be
/// revoked without knowing the tables.
extension CognitoStore {
    /// The tables whose rows belong to one pool (its `poolId` column).
    static let poolTables = ["users", "sessions", "codes", "groups", "memberships", "keys", "userCounts", "userPoolClients", "poolDocuments"]

    /// Deletes every row of a pool, the pool's own row included.
    static func deletePool(_ poolID: String, _ db: Database) throws {
        for table in poolTables { try db.execute(sql: "DELETE FROM \(table) WHERE poolId = ?", arguments: [poolID]) }
        _ = try StoredPool.deleteOne(db, key: poolID)
    }

    /// Empties the state, keeping only the signing keys of `keptPools`.
    static func deleteAll(keepingKeysOf keptPools: [String], _ db: Database) throws {
        let tables = [
            "users", "sessions", "codes", "groups", "memberships", "userCounts", "userPools", "userPoolClients", "poolDocuments", "importFiles",
        ]
        for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
        try db.execute(
            sql: "DELETE FROM keys WHERE poolId NOT IN (\(keptPools.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(keptPools)
        )
    }

    /// Revokes every session signed in through a client.
    static func revokeSessions(clientID: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE sessions SET revoked = 1 WHERE clientId = ?", arguments: [clientID])
    }

    /// The session a token's `origin_jti` names, through a prepared statement (every token check).
    static func session(originJti: String, _ db: Database) throws -> StoredSession? {
        try StoredSession.fetchOne(db.cachedStatement(sql: "SELECT * FROM sessions WHERE originJti = ?"), arguments: [originJti])
    }

    /// A pool's documents of one kind whose keys start with `keyPrefix`, oldest first.
    static func documents(kind: String, poolID: String, keyPrefix: String, _ db: Database) throws -> [StoredDocument] {
        // Prepared once per connection: the token endpoint asks for a pool's resource servers on every call.
        let statement = try db.cachedStatement(
            sql: """
                SELECT * FROM poolDocuments WHERE kind = ? AND poolId = ? AND substr(key, 1, ?) = ? ORDER BY created, key
                """
        )
        return try StoredDocument.fetchAll(statement, arguments: [kind, poolID, keyPrefix.utf8.count, keyPrefix])
    }

    /// Deletes a pool's documents of these kinds whose keys start with `keyPrefix`.
    static func deleteDocuments(kinds: [String], poolID: String, keyPrefix: String, _ db: Database) throws {
        try StoredDocument.filter(Column("poolId") == poolID && kinds.contains(Column("kind")))
            .filter(sql: "substr(key, 1, ?) = ?", arguments: [keyPrefix.utf8.count, keyPrefix])
            .deleteAll(db)
    }

    /// Keeps only the newest `kept` documents of one kind under `keyPrefix` (a user's sign-in events).
    static func trimDocuments(kind: String, poolID: String, keyPrefix: String, keeping kept: Int, _ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM poolDocuments WHERE kind = ? AND key IN (
                    SELECT key FROM poolDocuments WHERE kind = ? AND poolId = ? AND substr(key, 1, ?) = ?
                    ORDER BY created DESC, key DESC LIMIT -1 OFFSET ?)
                """,
            arguments: [kind, kind, poolID, keyPrefix.utf8.count, keyPrefix, kept]
        )
    }

    /// Stores the CSV uploaded for an import job (replacing an earlier upload).
    static func saveImportFile(jobID: String, contents: [UInt8], _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO importFiles (jobId, contents) VALUES (?, ?)", arguments: [jobID, Data(contents)])
    }

    /// The CSV uploaded for an import job, if any.
    static func importFile(jobID: String, _ db: Database) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT contents FROM importFiles WHERE jobId = ?", arguments: [jobID])
    }

    /// Deletes the CSV of an import job.
    static func deleteImportFile(jobID: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM importFiles WHERE jobId = ?", arguments: [jobID])
    }
}
