import Foundation
import GRDB

/// A user row. Passwords are never stored: only the SRP verifier and its salt, as Cognito keeps them.
struct StoredUser: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "users"
    var poolId: String
    var username: String
    var sub: String
    var status: UserStatus
    var enabled: Bool
    /// The attributes (without `sub`), in the order they were set.
    var attributes: StoredAttributes
    /// Lower-cased `email` and `phone_number`, for sign-in by alias and uniqueness checks.
    var email: String?
    var phoneNumber: String?
    var preferredUsername: String?
    var passwordSalt: String?
    var passwordVerifier: Data?
    var temporaryPasswordExpires: Double?
    var failedAttempts: Int
    var lockedUntil: Double?
    var created: Double
    var modified: Double
    /// The software-token (TOTP) secret, Base32, and whether VerifySoftwareToken confirmed it.
    var totpSecret: String?
    var totpVerified: Bool?
    /// The MFA methods enabled (SetUserMFAPreference) and the preferred one.
    var mfaSoftware: Bool?
    var mfaSMS: Bool?
    var mfaEmail: Bool?
    var preferredMfa: MFAMethod?
}

extension StoredUser {
    /// Read by column name rather than through `Decodable`: GRDB's row decoder took 40 % of a
    /// ListUsers page's time.
    init(row: Row) throws {
        poolId = try row.decode(forColumn: "poolId")
        username = try row.decode(forColumn: "username")
        sub = try row.decode(forColumn: "sub")
        status = try row.decode(forColumn: "status")
        enabled = try row.decode(forColumn: "enabled")
        attributes = try row.decode(forColumn: "attributes")
        email = try row.decode(forColumn: "email")
        phoneNumber = try row.decode(forColumn: "phoneNumber")
        preferredUsername = try row.decode(forColumn: "preferredUsername")
        passwordSalt = try row.decode(forColumn: "passwordSalt")
        passwordVerifier = try row.decode(forColumn: "passwordVerifier")
        temporaryPasswordExpires = try row.decode(forColumn: "temporaryPasswordExpires")
        failedAttempts = try row.decode(forColumn: "failedAttempts")
        lockedUntil = try row.decode(forColumn: "lockedUntil")
        created = try row.decode(forColumn: "created")
        modified = try row.decode(forColumn: "modified")
        totpSecret = try row.decode(forColumn: "totpSecret")
        totpVerified = try row.decode(forColumn: "totpVerified")
        mfaSoftware = try row.decode(forColumn: "mfaSoftware")
        mfaSMS = try row.decode(forColumn: "mfaSMS")
        mfaEmail = try row.decode(forColumn: "mfaEmail")
        preferredMfa = try row.decode(forColumn: "preferredMfa")
    }

    /// A new, enabled user without attributes, password or MFA yet.
    init(newIn poolID: String, username: String, sub: String, status: UserStatus, at now: Double) {
        self.init(
            poolId: poolID,
            username: username,
            sub: sub,
            status: status,
            enabled: true,
            attributes: StoredAttributes(),
            failedAttempts: 0,
            created: now,
            modified: now
        )
    }
}

/// A sign-in session: what a refresh token stands for and what `origin_jti` ties together.
struct StoredSession: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "sessions"
    var originJti: String
    var poolId: String
    var username: String
    var clientId: String
    /// SHA-256 of the refresh token, hex; the token itself is never stored.
    var refreshTokenHash: String
    var authTime: Double
    var created: Double
    var refreshExpires: Double
    var revoked: Bool
    /// With refresh token rotation: the hash of the token rotated out, and until when it still works.
    var previousRefreshTokenHash: String?
    var previousValidUntil: Double?
    /// The OAuth scopes granted through the hosted pages, space-separated; nil for API sign-ins.
    var scopes: String? = nil
}

/// A one-time code (sign-up confirmation, forgot password, attribute verification).
struct StoredCode: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "codes"
    var poolId: String
    var username: String
    /// `signup`, `forgot-password` or `verify:<attribute>`.
    var purpose: String
    var code: String
    var expires: Double
}

/// A group of a pool.
struct StoredGroup: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "groups"
    var poolId: String
    var name: String
    var description: String?
    var precedence: Int?
    var roleArn: String?
    var created: Double
    var modified: Double
}

/// A user's membership of a group.
struct StoredMembership: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "memberships"
    var poolId: String
    var groupName: String
    var username: String
}

/// A signing key of a pool (`id` or `access`), DER-encoded.
struct StoredKey: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "keys"
    var poolId: String
    var use: String
    var der: Data
    var created: Double
}

/// Per-resource facts that must survive restarts: creation dates and client secrets.
struct StoredResource: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "resources"
    var id: String
    var created: Double
    var secret: String?
}

/// A pool created through the API: its definition (the members it was created or updated with) as JSON.
struct StoredPool: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "userPools"
    var id: String
    var definition: String
    var created: Double
    var modified: Double
}

/// An app client created through the API.
struct StoredClient: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "userPoolClients"
    var id: String
    var poolId: String
    var definition: String
    var secret: String?
    var created: Double
    var modified: Double
}

/// A pool's sub-resource kept as the document AWS returns for it (a domain, resource server, identity
/// provider, UI customization, risk or log delivery configuration, terms, branding), by kind and key.
struct StoredDocument: Codable, FetchableRecord, TextSafeRecord, Sendable {
    static let databaseTableName = "poolDocuments"
    /// `domain`, `resourceServer`, `identityProvider`, …
    var kind: String
    /// Unique within the kind: a domain name, or `<poolId>/<name>`.
    var key: String
    var poolId: String
    /// The document, JSON.
    var document: String
    var created: Double
    var modified: Double
}

extension StoredDocument {
    /// Read by column name rather than through `Decodable` (the token endpoint reads a pool's resource
    /// servers on every call).
    init(row: Row) throws {
        kind = try row.decode(forColumn: "kind")
        key = try row.decode(forColumn: "key")
        poolId = try row.decode(forColumn: "poolId")
        document = try row.decode(forColumn: "document")
        created = try row.decode(forColumn: "created")
        modified = try row.decode(forColumn: "modified")
    }
}

extension UserStatus: DatabaseValueConvertible {}
extension MFAMethod: DatabaseValueConvertible {}

/// A user's attributes (without `sub`), stored as a JSON array of `[name, value]` pairs, in order.
struct StoredAttributes: Codable, Sendable, DatabaseValueConvertible {
    var list: [AttributeType]

    init(_ list: [AttributeType] = []) { self.list = list }

    /// The value of `name`, if set.
    subscript(name: String) -> String? { list.first { $0.Name == name }?.Value }

    var databaseValue: DatabaseValue {
        JSONValue.array(list.map { .array([.string($0.Name), .string($0.Value ?? "")]) }).serialized.databaseValue
    }

    static func fromDatabaseValue(_ value: DatabaseValue) -> StoredAttributes? {
        guard let text = String.fromDatabaseValue(value), case .array(let pairs)? = JSONValue.parse(Array(text.utf8)) else { return nil }
        return StoredAttributes(
            pairs.compactMap { pair in
                guard case .array(let items) = pair, items.count == 2, let name = items[0].stringValue else { return nil }
                return AttributeType(Name: name, Value: items[1].stringValue)
            }
        )
    }
}

/// A record the store refuses to write when one of its text columns holds a NUL: GRDB binds text
/// as a C string, so SQLite would keep only what comes before it and two different names could
/// become one. Requests are refused earlier (``RequestValidator``); this guards every other way in
/// (serverless.yml, seed files, imported CSV rows).
/// The records that hold user-given text adopt it; sessions, keys and resource records, written on
/// every sign-in or start and made of values the emulator generated, do not pay for the check.
protocol TextSafeRecord: PersistableRecord {}

extension TextSafeRecord {
    /// Refuses the write when a text column holds U+0000.
    func willSave(_ db: Database) throws {
        for (column, value) in try databaseDictionary {
            if case .string(let text) = value.storage, text.utf8.contains(0) { throw TextSafetyError(table: Self.databaseTableName, column: column) }
        }
    }
}

/// A write refused because a text column held a NUL.
struct TextSafetyError: Error, CustomStringConvertible {
    var table: String
    var column: String
    var description: String { "\(table).\(column) may not contain the NUL character (U+0000)" }
}
