import EmulatorCrypto
import GRDB

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CognitoService {
    /// A parsed ListUsers filter: `attribute = "value"` or `attribute ^= "value"`.
    struct UserFilter {
        static let searchable: Set<String> = [
            "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
            "cognito:user_status", "status", "sub",
        ]
        var attribute: String
        var prefix: Bool
        var value: String

        /// Parses Cognito's filter syntax, or throws InvalidParameterException.
        init?(_ text: String?) throws(CognitoError) {
            guard let text, !text.trimmingSpaces.isEmpty else { return nil }
            let operatorRange = text.firstRange(of: "^=") ?? text.firstRange(of: "=")
            guard let operatorRange else { throw .invalidParameter("Error while parsing filter.") }
            let name = String(text[..<operatorRange.lowerBound]).trimmingSpaces
            var quoted = Substring(text[operatorRange.upperBound...]).trimmingSpaces
            guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else { throw .invalidParameter("Error while parsing filter.") }
            quoted = String(quoted.dropFirst().dropLast())
            guard Self.searchable.contains(name) else { throw .invalidParameter("Invalid search attribute: \(name)") }
            attribute = name
            prefix = text[operatorRange] == "^="
            value = quoted
        }

        /// The LIKE pattern of a prefix, its wildcards escaped with `\`.
        var likePattern: String {
            value.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_") + "%"
        }

        /// A username prefix SQLite can look up in `users_username_nocase`: LIKE folds only ASCII
        /// letters, as ``matches(_:attributes:)`` folds every letter, so ASCII prefixes only.
        var isIndexedUsernamePrefix: Bool { attribute == "username" && prefix && value.allSatisfy(\.isASCII) }

        /// A condition on indexed columns that every matching user meets, so SQLite narrows the
        /// listing before ``matches(_:attributes:)`` decides; nil when only a scan can tell.
        var narrowing: SQLExpression? {
            let escaped = likePattern
            switch (attribute, prefix) {
            case ("username", false): return Column("username") == value
            case ("email", false): return Column("email") == value.lowercased()
            case ("email", true) where value.allSatisfy(\.isASCII): return Column("email").like(escaped, escape: "\\")
            case ("phone_number", false): return Column("phoneNumber") == value
            case ("sub", false): return Column("sub") == value
            case ("cognito:user_status", false): return Column("status") == value
            default: return nil
            }
        }

        func matches(_ user: StoredUser, attributes: [AttributeType]) -> Bool {
            let actual: String?
            switch attribute {
            case "username": actual = user.username
            case "sub": actual = user.sub
            case "cognito:user_status": actual = user.status.rawValue
            case "status": actual = user.enabled ? "Enabled" : "Disabled"
            default: actual = attributes.first { $0.Name == attribute }?.Value
            }
            guard let actual else { return false }
            if prefix { return actual.lowercased().hasPrefix(value.lowercased()) }
            return attribute == "email" ? actual.lowercased() == value.lowercased() : actual == value
        }
    }

    /// ListUsers, with Filter, AttributesToGet, Limit (at most 60) and PaginationToken.
    package func listUsers(_ request: ListUsersRequest) throws(CognitoError) -> ListUsersResponse {
        let pool = try pool(request.UserPoolId)
        let limit = request.Limit ?? 60
        guard (0...60).contains(limit) else {
            throw .invalidParameter(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60"
            )
        }
        let filter = try UserFilter(request.Filter)
        var after = ""
        if let token = request.PaginationToken {
            guard let bytes = Base64URL.decode(token), let cursor = String(bytes: bytes, encoding: .utf8) else {
                throw .invalidParameter("Invalid pagination token.")
            }
            after = cursor
        }
        let (users, more): ([StoredUser], Bool) = try database(
            { db in
                var found: [StoredUser] = []
                var cursor = after
                while found.count <= limit {
                    // Without a filter every candidate is listed: one more than the page tells whether there is more.
                    let batchSize = filter == nil ? limit + 1 : max(limit * 4, 200)
                    let batch = try Self.candidates(poolID: pool.id, after: cursor, filter: filter, limit: batchSize, db)
                    if batch.isEmpty { break }
                    for user in batch where filter?.matches(user, attributes: attributes(of: user)) ?? true {
                        found.append(user)
                        if found.count > limit { break }
                    }
                    cursor = batch.last!.username
                }
                return (Array(found.prefix(limit)), found.count > limit)
            },
            write: false
        )
        let wanted = request.AttributesToGet.map(Set.init)
        return ListUsersResponse(
            Users: users.map { user in
                var type = userType(user)
                if let wanted { type.Attributes = type.Attributes.filter { wanted.contains($0.Name) } }
                return type
            },
            PaginationToken: more && limit > 0 ? Base64URL.encode(Array(users.last!.username.utf8)) : nil
        )
    }
}

extension CognitoService {
    /// The next users after `cursor` in username order that `filter` may match, narrowed by an index
    /// where one applies.
    static func candidates(poolID: String, after cursor: String, filter: UserFilter?, limit: Int, _ db: Database) throws -> [StoredUser] {
        if let filter, filter.isIndexedUsernamePrefix {
            // Named, since without ANALYZE's statistics SQLite would walk the primary key in username
            // order and test every user of the pool (56 ms at 100,000 users). Only the prefix's matches
            // are read and sorted: a prefix most users share costs what that walk did.
            return try StoredUser.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM users INDEXED BY users_username_nocase
                        WHERE poolId = ? AND username LIKE ? ESCAPE '\\' AND username > ? ORDER BY username LIMIT ?
                        """
                ),
                arguments: [poolID, filter.likePattern, cursor, limit]
            )
        }
        var query = StoredUser.filter(Column("poolId") == poolID && Column("username") > cursor)
        if let narrowing = filter?.narrowing { query = query.filter(narrowing) }
        return try query.order(Column("username")).limit(limit).fetchAll(db)
    }
}

extension StringProtocol {
    /// The text without surrounding spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
