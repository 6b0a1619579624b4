import EmulatorCore
import GRDB
import NIOConcurrencyHelpers

/// Client secret rotation: up to two secrets per confidential client, each accepted in `SECRET_HASH`.
extension CognitoService {
    /// A client has at most this many secrets.
    static let maximumClientSecrets = 2

    /// AddUserPoolClientSecret: a new secret (generated, or the one given) beside the current one.
    package func addUserPoolClientSecret(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        var client = try client(request["ClientId"]?.stringValue ?? "", poolID: pool.id)
        guard client.secret != nil else { throw .invalidParameter("Client \(client.id) does not have a client secret; it is a public client.") }
        var secrets = Self.secretList(of: client)
        guard secrets.count < Self.maximumClientSecrets else {
            throw .limitExceeded("Client \(client.id) already has \(Self.maximumClientSecrets) client secrets; delete one first.")
        }
        let now = clock.now
        let given = request["ClientSecret"]?.stringValue
        let entry = ClientSecretEntry(id: "\(client.id)--\(Int(now * 1000))", value: given ?? StableID.clientSecret(), created: now)
        secrets.append(entry)
        client.rotatedSecrets = secrets
        try keepSecrets(of: client)
        var descriptor: [JSONValue.Member] = [.init("ClientSecretId", .string(entry.id))]
        if given == nil { descriptor.append(.init("ClientSecretValue", .string(entry.value))) }
        descriptor.append(.init("ClientSecretCreateDate", .double(entry.created)))
        return JSONDocument([("ClientSecretDescriptor", .object(descriptor))])
    }

    /// ListUserPoolClientSecrets: each secret's ID and creation date (never its value).
    package func listUserPoolClientSecrets(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let client = try client(request["ClientId"]?.stringValue ?? "", poolID: pool.id)
        let entries = Self.secretList(of: client).map { entry in
            JSONValue.object([.init("ClientSecretId", .string(entry.id)), .init("ClientSecretCreateDate", .double(entry.created))])
        }
        return Self.listing("ClientSecrets", try page(entries, request: request))
    }

    /// DeleteUserPoolClientSecret: refused for the last secret.
    package func deleteUserPoolClientSecret(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        var client = try client(request["ClientId"]?.stringValue ?? "", poolID: pool.id)
        let id = request["ClientSecretId"]?.stringValue ?? ""
        var secrets = Self.secretList(of: client)
        guard secrets.contains(where: { $0.id == id }) else { throw .resourceNotFound("Client secret \(id) does not exist.") }
        guard secrets.count > 1 else { throw .invalidParameter("You cannot delete the last remaining secret of client \(client.id).") }
        secrets.removeAll { $0.id == id }
        client.rotatedSecrets = secrets
        try keepSecrets(of: client)
        return EmptyResponse()
    }

    /// Every secret of a client, its first one described as AWS describes it (`<client-id>--<created>`).
    private static func secretList(of client: LiveClient) -> [ClientSecretEntry] {
        if !client.rotatedSecrets.isEmpty { return client.rotatedSecrets }
        guard let secret = client.secret else { return [] }
        return [ClientSecretEntry(id: "\(client.id)--\(Int(client.created * 1000))", value: secret, created: client.created)]
    }

    /// Stores the client's secrets and makes the first its `secret`.
    private func keepSecrets(of client: LiveClient) throws(CognitoError) {
        var client = client
        client.secret = client.rotatedSecrets.first?.value
        let list = JSONValue.array(
            client.rotatedSecrets.map { entry in
                .object([.init("id", .string(entry.id)), .init("value", .string(entry.value)), .init("created", .double(entry.created))])
            }
        )
        try save(.clientSecrets, client.id, poolID: client.poolID, list)
        let kept = client
        registry.withLockedValue { $0.clients[kept.id] = kept }
    }

    /// Attaches stored secret lists to the clients (at start).
    static func restoreSecrets(into registry: inout PoolRegistry, store: CognitoStore) throws {
        let stored = try store.read { db in try StoredDocument.filter(Column("kind") == DocumentKind.clientSecrets.rawValue).fetchAll(db) }
        for document in stored {
            guard registry.clients[document.key] != nil, case .array(let items)? = JSONValue.parse(Array(document.document.utf8)) else { continue }
            let entries = items.compactMap { item -> ClientSecretEntry? in
                guard let id = item["id"]?.stringValue, let value = item["value"]?.stringValue, let created = item["created"]?.numberValue else {
                    return nil
                }
                return ClientSecretEntry(id: id, value: value, created: created)
            }
            registry.clients[document.key]?.rotatedSecrets = entries
            registry.clients[document.key]?.secret = entries.first?.value
        }
    }
}
