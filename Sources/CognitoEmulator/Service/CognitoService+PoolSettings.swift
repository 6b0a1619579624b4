import EmulatorCore
import GRDB
import NIOConcurrencyHelpers

/// Settings of a pool beside UpdateUserPool: custom attributes, MFA configuration, tags, the CSV header.
extension CognitoService {
    /// AddCustomAttributes: each becomes `custom:<Name>` in the schema.
    package func addCustomAttributes(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        guard case .array(let attributes)? = request["CustomAttributes"] else { throw .missing("CustomAttributes") }
        try modifyPool(request["UserPoolId"]?.stringValue) { pool throws(CognitoError) in
            var schema =
                pool.definition["Schema"].flatMap { value -> [JSONValue]? in
                    guard case .array(let items) = value else { return nil }
                    return items
                } ?? []
            for attribute in attributes {
                guard let name = attribute["Name"]?.stringValue else { throw .missing("Name") }
                guard !pool.configuration.schema.contains(where: { $0.Name == "custom:" + name }) else {
                    throw .invalidParameter("Existing attribute already has name custom:\(name).")
                }
                schema.append(attribute)
                let rebuilt = try UserPoolConfiguration(
                    definition: .object([.init("Schema", .array(schema))]),
                    logicalID: pool.configuration.logicalID
                )
                if let added = rebuilt.attribute("custom:" + name) { pool.configuration.schema.append(added) }
            }
            pool.definition = Self.setting("Schema", .array(schema), in: pool.definition)
        }
        return EmptyResponse()
    }

    /// GetUserPoolMfaConfig.
    package func getUserPoolMfaConfig(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument(mfaConfig(of: try pool(request["UserPoolId"]?.stringValue)))
    }

    /// SetUserPoolMfaConfig: `MfaConfiguration` changes how users sign in; the methods' settings are
    /// stored and returned.
    package func setUserPoolMfaConfig(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try modifyPool(request["UserPoolId"]?.stringValue) { pool throws(CognitoError) in
            for name in Self.mfaMembers where request[name] != nil {
                pool.definition = Self.setting(name, request[name]!, in: pool.definition)
            }
            if let mfa = request["MfaConfiguration"]?.stringValue {
                pool.configuration.mfaConfiguration = mfa
                pool.definition = Self.setting("MfaConfiguration", .string(mfa), in: pool.definition)
            }
        }
        return JSONDocument(mfaConfig(of: pool))
    }

    /// TagResource: tags of the pool the ARN names.
    package func tagResource(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let arn = request["ResourceArn"]?.stringValue ?? ""
        try modifyPool(try pool(byARN: arn).id) { pool throws(CognitoError) in
            var tags = pool.definition["UserPoolTags"]?.members ?? []
            for tag in request["Tags"]?.members ?? [] {
                tags.removeAll { $0.key == tag.key }
                tags.append(tag)
            }
            pool.definition = Self.setting("UserPoolTags", .object(tags), in: pool.definition)
        }
        return EmptyResponse()
    }

    /// UntagResource.
    package func untagResource(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let arn = request["ResourceArn"]?.stringValue ?? ""
        let keys = Set(
            (request["TagKeys"].flatMap { value -> [JSONValue]? in
                guard case .array(let items) = value else { return nil }
                return items
            } ?? []).compactMap(\.stringValue)
        )
        try modifyPool(try pool(byARN: arn).id) { pool throws(CognitoError) in
            let tags = (pool.definition["UserPoolTags"]?.members ?? []).filter { !keys.contains($0.key) }
            pool.definition = Self.setting("UserPoolTags", .object(tags), in: pool.definition)
        }
        return EmptyResponse()
    }

    /// ListTagsForResource.
    package func listTagsForResource(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(byARN: request["ResourceArn"]?.stringValue ?? "")
        return JSONDocument([("Tags", pool.definition["UserPoolTags"] ?? .object([]))])
    }

    /// GetCSVHeader: the columns of a user import file for the pool, as Cognito lists them.
    package func getCSVHeader(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        return JSONDocument([("UserPoolId", .string(pool.id)), ("CSVHeader", .array(Self.csvColumns(of: pool).map(JSONValue.string)))])
    }

    // MARK: - Helpers

    private static let mfaMembers = ["SmsMfaConfiguration", "SoftwareTokenMfaConfiguration", "EmailMfaConfiguration", "WebAuthnConfiguration"]

    private func mfaConfig(of pool: LivePool) -> JSONValue {
        .object(
            Self.mfaMembers.compactMap { name in pool.definition[name].map { JSONValue.Member(name, $0) } }
                + [.init("MfaConfiguration", .string(pool.configuration.mfaConfiguration))]
        )
    }

    private func pool(byARN arn: String) throws(CognitoError) -> LivePool {
        guard let pool = pool(arn: arn) else { throw .resourceNotFound("User pool \(arn) does not exist.") }
        return pool
    }

    /// Changes a pool and keeps the change: stored for pools created through the API, in memory (until
    /// the next start rebuilds it from the configuration) for the others.
    @discardableResult
    func modifyPool(_ id: String?, _ change: (inout LivePool) throws(CognitoError) -> Void) throws(CognitoError) -> LivePool {
        var pool = try pool(id)
        try change(&pool)
        pool.modified = clock.now
        pool.revision += 1
        if pool.origin == .api {
            let stored = StoredPool(id: pool.id, definition: pool.definition.serialized, created: pool.created, modified: pool.modified)
            try database { db in try stored.update(db) }
        }
        let changed = pool
        registry.withLockedValue { $0.add(changed) }
        return changed
    }
}
