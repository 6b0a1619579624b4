import EmulatorCore
import GRDB

/// A pool's sub-resources kept as the documents AWS returns for them (``StoredDocument``).
extension CognitoService {
    /// The kinds of document a pool has.
    enum DocumentKind: String {
        case domain, resourceServer, identityProvider, uiCustomization, riskConfiguration, logDelivery, terms, branding
        case clientSecrets, authEvent, providerLink, importJob, device, webAuthnCredential
    }

    /// The document of `kind` under `key`, if stored.
    func document(_ kind: DocumentKind, _ key: String) throws(CognitoError) -> JSONValue? {
        let stored = try database({ db in try StoredDocument.fetchOne(db, key: ["kind": kind.rawValue, "key": key]) }, write: false)
        return stored.flatMap { JSONValue.parse(Array($0.document.utf8)) }
    }

    /// The documents of `kind` of a pool (whose keys start with `keyPrefix`), oldest first.
    func documents(_ kind: DocumentKind, poolID: String, keyPrefix: String = "") throws(CognitoError) -> [JSONValue] {
        try database(
            { db in try CognitoStore.documents(kind: kind.rawValue, poolID: poolID, keyPrefix: keyPrefix, db) },
            write: false
        ).compactMap { JSONValue.parse(Array($0.document.utf8)) }
    }

    /// Stores `document` under `key`, keeping the creation time of one it replaces.
    func save(_ kind: DocumentKind, _ key: String, poolID: String, _ document: JSONValue) throws(CognitoError) {
        let now = clock.now
        try database { db in try Self.save(kind, key, poolID: poolID, document, now: now, db) }
    }

    /// Stores `document` under `key` in the transaction `db`, keeping the creation time of one it replaces.
    static func save(_ kind: DocumentKind, _ key: String, poolID: String, _ document: JSONValue, now: Double, _ db: Database) throws {
        let created = try StoredDocument.fetchOne(db, key: ["kind": kind.rawValue, "key": key])?.created ?? now
        try StoredDocument(kind: kind.rawValue, key: key, poolId: poolID, document: document.serialized, created: created, modified: now).save(db)
    }

    /// Deletes a document; answers whether there was one.
    @discardableResult
    func deleteDocument(_ kind: DocumentKind, _ key: String) throws(CognitoError) -> Bool {
        try database { db in try StoredDocument.deleteOne(db, key: ["kind": kind.rawValue, "key": key]) }
    }

    /// A page of `items` for the List operations: at most `limit` from `NextToken`, and the next token.
    func page(_ items: [JSONValue], request: JSONDocument, defaultLimit: Int = 60) throws(CognitoError) -> (items: [JSONValue], next: String?) {
        let limit = request["MaxResults"]?.numberValue.map { Int($0) } ?? defaultLimit
        let start = try pageStart(request["NextToken"]?.stringValue, count: items.count)
        let end = min(start + limit, items.count)
        return (Array(items[start..<end]), end < items.count ? String(end) : nil)
    }

    /// `{name: items}` plus `NextToken` when there is more.
    static func listing(_ name: String, _ page: (items: [JSONValue], next: String?)) -> JSONDocument {
        JSONDocument([(name, .array(page.items))] + (page.next.map { [("NextToken", JSONValue.string($0))] } ?? []))
    }

    /// `stored` with the members of `updatable` the request gives replaced, and a new `LastModifiedDate`.
    func updated(_ stored: JSONValue, by request: JSONDocument, updatable: [String]) -> JSONValue {
        let given = Self.members(request, updatable)
        let kept = (stored.members ?? []).filter { member in member.key != "LastModifiedDate" && !given.contains { $0.key == member.key } }
        return .object(kept + given + [.init("LastModifiedDate", .double(clock.now))])
    }

    /// A listing's entry: the document's members of `names`, in that order.
    static func summary(of document: JSONValue, _ names: [String]) -> JSONValue {
        .object(names.compactMap { name in document[name].map { .init(name, $0) } })
    }

    /// The request's members of `names`, in that order (absent ones left out).
    static func members(_ request: JSONDocument, _ names: [String]) -> [JSONValue.Member] {
        names.compactMap { name in request[name].flatMap { $0 == .null ? nil : JSONValue.Member(name, $0) } }
    }
}
