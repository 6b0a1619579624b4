import EmulatorCore
import EmulatorCrypto

/// Settings only AWS's infrastructure acts on (the classic hosted UI's CSS, threat protection, log
/// delivery) and managed login's branding and terms: stored and returned as AWS returns them.
extension CognitoService {
    // MARK: - UI customization

    /// SetUICustomization: for one client, or every client (`ALL`) without `ClientId`.
    package func setUICustomization(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = try scopedClient(request, pool: pool)
        let now = JSONValue.double(clock.now)
        let created = try document(.uiCustomization, "\(pool.id)/\(clientID)")?["CreationDate"] ?? now
        let customization = JSONValue.object(
            [.init("UserPoolId", .string(pool.id)), .init("ClientId", .string(clientID))] + Self.members(request, ["CSS"])
                + [.init("CSSVersion", .string(String(Int(clock.now * 1000)))), .init("LastModifiedDate", now), .init("CreationDate", created)]
        )
        try save(.uiCustomization, "\(pool.id)/\(clientID)", poolID: pool.id, customization)
        return JSONDocument([("UICustomization", customization)])
    }

    /// GetUICustomization: the client's, else the pool's (`ALL`), else an empty one.
    package func getUICustomization(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = try scopedClient(request, pool: pool)
        var found = try document(.uiCustomization, "\(pool.id)/\(clientID)")
        if found == nil { found = try document(.uiCustomization, "\(pool.id)/ALL") }
        return JSONDocument([("UICustomization", found ?? .object([.init("UserPoolId", .string(pool.id)), .init("ClientId", .string(clientID))]))])
    }

    // MARK: - Threat protection

    /// SetRiskConfiguration.
    package func setRiskConfiguration(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = try scopedClient(request, pool: pool)
        let configuration = JSONValue.object(
            [.init("UserPoolId", .string(pool.id))] + (clientID == "ALL" ? [] : [.init("ClientId", .string(clientID))])
                + Self.members(
                    request,
                    ["CompromisedCredentialsRiskConfiguration", "AccountTakeoverRiskConfiguration", "RiskExceptionConfiguration"]
                ) + [.init("LastModifiedDate", .double(clock.now))]
        )
        try save(.riskConfiguration, "\(pool.id)/\(clientID)", poolID: pool.id, configuration)
        return JSONDocument([("RiskConfiguration", configuration)])
    }

    /// DescribeRiskConfiguration.
    package func describeRiskConfiguration(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = try scopedClient(request, pool: pool)
        let found = try document(.riskConfiguration, "\(pool.id)/\(clientID)")
        return JSONDocument([("RiskConfiguration", found ?? .object([.init("UserPoolId", .string(pool.id))]))])
    }

    // MARK: - Log delivery

    /// SetLogDeliveryConfiguration.
    package func setLogDeliveryConfiguration(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let configuration = JSONValue.object([.init("UserPoolId", .string(pool.id))] + Self.members(request, ["LogConfigurations"]))
        try save(.logDelivery, pool.id, poolID: pool.id, configuration)
        return JSONDocument([("LogDeliveryConfiguration", configuration)])
    }

    /// GetLogDeliveryConfiguration.
    package func getLogDeliveryConfiguration(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let found = try document(.logDelivery, pool.id)
        return JSONDocument([
            ("LogDeliveryConfiguration", found ?? .object([.init("UserPoolId", .string(pool.id)), .init("LogConfigurations", .array([]))]))
        ])
    }

    // MARK: - Terms

    /// CreateTerms: one document of each name (`terms-of-use`, `privacy-policy`) per client.
    package func createTerms(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = request["ClientId"]?.stringValue ?? ""
        _ = try client(clientID, poolID: pool.id)
        let name = request["TermsName"]?.stringValue
        guard
            try !documents(.terms, poolID: pool.id).contains(where: {
                $0["ClientId"]?.stringValue == clientID && $0["TermsName"]?.stringValue == name
            })
        else { throw .termsExists("Terms \(name ?? "") already exist for client \(clientID).") }
        let id = Self.uuid()
        let now = JSONValue.double(clock.now)
        let terms = JSONValue.object(
            [.init("TermsId", .string(id)), .init("UserPoolId", .string(pool.id))]
                + Self.members(request, ["ClientId", "TermsName", "TermsSource", "Enforcement", "Links"])
                + [.init("CreationDate", now), .init("LastModifiedDate", now)]
        )
        try save(.terms, "\(pool.id)/\(id)", poolID: pool.id, terms)
        return JSONDocument([("Terms", terms)])
    }

    /// UpdateTerms.
    package func updateTerms(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, stored) = try terms(request)
        let terms = updated(stored, by: request, updatable: ["TermsName", "TermsSource", "Enforcement", "Links"])
        try save(.terms, "\(pool.id)/\(terms["TermsId"]?.stringValue ?? "")", poolID: pool.id, terms)
        return JSONDocument([("Terms", terms)])
    }

    /// DescribeTerms.
    package func describeTerms(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument([("Terms", try terms(request).1)])
    }

    /// DeleteTerms.
    package func deleteTerms(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, stored) = try terms(request)
        try deleteDocument(.terms, "\(pool.id)/\(stored["TermsId"]?.stringValue ?? "")")
        return EmptyResponse()
    }

    /// ListTerms: each document's ID, name, enforcement and dates.
    package func listTerms(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let summaries = try documents(.terms, poolID: pool.id).map {
            Self.summary(of: $0, ["TermsId", "TermsName", "Enforcement", "CreationDate", "LastModifiedDate"])
        }
        return Self.listing("Terms", try page(summaries, request: request))
    }

    private func terms(_ request: JSONDocument) throws(CognitoError) -> (LivePool, JSONValue) {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let id = request["TermsId"]?.stringValue ?? ""
        guard let stored = try document(.terms, "\(pool.id)/\(id)") else { throw .resourceNotFound("Terms \(id) do not exist.") }
        return (pool, stored)
    }

    // MARK: - Managed login branding

    /// CreateManagedLoginBranding: one style per client.
    package func createManagedLoginBranding(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = request["ClientId"]?.stringValue ?? ""
        _ = try client(clientID, poolID: pool.id)
        guard try brandings(pool: pool).first(where: { $0.clientID == clientID }) == nil else {
            throw .managedLoginBrandingExists("A managed login branding style already exists for client \(clientID).")
        }
        let id = Self.uuid()
        let now = JSONValue.double(clock.now)
        let branding = JSONValue.object(
            [.init("ManagedLoginBrandingId", .string(id)), .init("UserPoolId", .string(pool.id))]
                + [.init("UseCognitoProvidedValues", request["UseCognitoProvidedValues"] ?? .bool(request["Settings"] == nil))]
                + Self.members(request, ["Settings", "Assets"]) + [.init("CreationDate", now), .init("LastModifiedDate", now)]
        )
        try save(.branding, "\(pool.id)/\(id)", poolID: pool.id, .object([.init("ClientId", .string(clientID)), .init("Branding", branding)]))
        return JSONDocument([("ManagedLoginBranding", branding)])
    }

    /// UpdateManagedLoginBranding.
    package func updateManagedLoginBranding(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let (pool, clientID, stored) = try branding(request)
        let branding = updated(stored, by: request, updatable: ["UseCognitoProvidedValues", "Settings", "Assets"])
        let id = branding["ManagedLoginBrandingId"]?.stringValue ?? ""
        try save(.branding, "\(pool.id)/\(id)", poolID: pool.id, .object([.init("ClientId", .string(clientID)), .init("Branding", branding)]))
        return JSONDocument([("ManagedLoginBranding", branding)])
    }

    /// DescribeManagedLoginBranding.
    package func describeManagedLoginBranding(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument([("ManagedLoginBranding", try branding(request).2)])
    }

    /// DescribeManagedLoginBrandingByClient.
    package func describeManagedLoginBrandingByClient(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let clientID = request["ClientId"]?.stringValue ?? ""
        guard let found = try brandings(pool: pool).first(where: { $0.clientID == clientID }) else {
            throw .resourceNotFound("No managed login branding style exists for client \(clientID).")
        }
        return JSONDocument([("ManagedLoginBranding", found.branding)])
    }

    /// DeleteManagedLoginBranding.
    package func deleteManagedLoginBranding(_ request: JSONDocument) throws(CognitoError) -> EmptyResponse {
        let (pool, _, stored) = try branding(request)
        try deleteDocument(.branding, "\(pool.id)/\(stored["ManagedLoginBrandingId"]?.stringValue ?? "")")
        return EmptyResponse()
    }

    /// The pool's branding styles, each with its client.
    func brandings(pool: LivePool) throws(CognitoError) -> [(clientID: String, branding: JSONValue)] {
        try documents(.branding, poolID: pool.id).compactMap { stored in
            guard let clientID = stored["ClientId"]?.stringValue, let branding = stored["Branding"] else { return nil }
            return (clientID, branding)
        }
    }

    private func branding(_ request: JSONDocument) throws(CognitoError) -> (LivePool, String, JSONValue) {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let id = request["ManagedLoginBrandingId"]?.stringValue ?? ""
        guard let stored = try document(.branding, "\(pool.id)/\(id)"), let clientID = stored["ClientId"]?.stringValue,
            let branding = stored["Branding"]
        else { throw .resourceNotFound("Managed login branding style \(id) does not exist.") }
        return (pool, clientID, branding)
    }

    // MARK: - Helpers

    /// The request's client (checked to be the pool's), or `ALL` without one.
    private func scopedClient(_ request: JSONDocument, pool: LivePool) throws(CognitoError) -> String {
        guard let clientID = request["ClientId"]?.stringValue, clientID != "ALL" else { return "ALL" }
        return try client(clientID, poolID: pool.id).id
    }

    /// A random version-4 UUID, lower case.
    static func uuid() -> String {
        var bytes = SecureRandom.bytes(16)
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}
