package import EmulatorCore

extension UserPoolClientConfiguration {
    /// The flows a client may name: the `ALLOW_*` names and the legacy ones, which cannot be mixed.
    static let modernFlows: Set = [
        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
        "ALLOW_USER_AUTH",
    ]
    static let legacyFlows: Set = ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]

    /// A client from CreateUserPoolClient's members (or `AWS::Cognito::UserPoolClient`'s properties),
    /// with AWS's defaults: one-hour ID and access tokens, 30-day refresh tokens, revocation enabled.
    /// See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
    /// - Throws: `InvalidParameterException` with AWS's text for flows, units and validities it refuses.
    package init(definition: JSONValue, logicalID: String, poolLogicalID: String) throws(CognitoError) {
        let reader = DefinitionReader(definition)
        let flows = reader.strings("ExplicitAuthFlows")
        for flow in flows where !Self.legacyFlows.contains(flow) && !Self.modernFlows.contains(flow) {
            throw .invalidParameter("Invalid ExplicitAuthFlows value: \(flow)")
        }
        if flows.contains(where: Self.legacyFlows.contains), flows.contains(where: Self.modernFlows.contains) {
            throw .invalidParameter("ExplicitAuthFlows can't have both ALLOW_ and non ALLOW_ flows.")
        }
        let units = reader.object("TokenValidityUnits")
        let accessUnit = units.string("AccessToken") ?? "hours"
        let idUnit = units.string("IdToken") ?? "hours"
        let refreshUnit = units.string("RefreshToken") ?? "days"
        let access = reader.int("AccessTokenValidity") ?? Self.defaultValidity(hours: 1, unit: accessUnit)
        let id = reader.int("IdTokenValidity") ?? Self.defaultValidity(hours: 1, unit: idUnit)
        let refresh = reader.int("RefreshTokenValidity") ?? Self.defaultValidity(hours: 720, unit: refreshUnit)
        let accessSeconds = try Self.seconds(access, accessUnit)
        let idSeconds = try Self.seconds(id, idUnit)
        let refreshSeconds = try Self.seconds(refresh, refreshUnit)
        for (name, value) in [("AccessTokenValidity", accessSeconds), ("IdTokenValidity", idSeconds)] where !(300...86_400).contains(value) {
            throw .invalidParameter("\(name) must be between 5 minutes and 1 day.")
        }
        guard (3600...315_360_000).contains(refreshSeconds) else {
            throw .invalidParameter("RefreshTokenValidity must be between 60 minutes and 10 years.")
        }
        var rotationGrace: Int?
        let rotation = reader.object("RefreshTokenRotation")
        if rotation.string("Feature") == "ENABLED" {
            let grace = rotation.int("RetryGracePeriodSeconds") ?? 0
            guard (0...60).contains(grace) else { throw .invalidParameter("RetryGracePeriodSeconds must be between 0 and 60.") }
            rotationGrace = grace
        }
        self.init(
            logicalID: logicalID,
            poolLogicalID: poolLogicalID,
            name: reader.string("ClientName") ?? logicalID,
            generateSecret: reader.bool("GenerateSecret") ?? false,
            explicitAuthFlows: flows.isEmpty ? Self.defaultAuthFlows : flows,
            accessTokenValiditySeconds: accessSeconds,
            idTokenValiditySeconds: idSeconds,
            refreshTokenValiditySeconds: refreshSeconds,
            tokenValidity: .init(access: access, accessUnit: accessUnit, id: id, idUnit: idUnit, refresh: refresh, refreshUnit: refreshUnit),
            preventUserExistenceErrors: reader.string("PreventUserExistenceErrors") == "ENABLED",
            enableTokenRevocation: reader.bool("EnableTokenRevocation") ?? true,
            readAttributes: reader.strings("ReadAttributes"),
            writeAttributes: reader.strings("WriteAttributes"),
            rotationGraceSeconds: rotationGrace
        )
        self.definition = definition
    }

    /// A validity of `hours` expressed in `unit`.
    private static func defaultValidity(hours: Int, unit: String) -> Int {
        switch unit {
        case "seconds": return hours * 3600
        case "minutes": return hours * 60
        case "days": return max(1, hours / 24)
        default: return hours
        }
    }

    private static func seconds(_ value: Int, _ unit: String) throws(CognitoError) -> Int {
        switch unit {
        case "seconds": return value
        case "minutes": return value * 60
        case "hours": return value * 3600
        case "days": return value * 86_400
        default: throw .invalidParameter("TokenValidityUnits must be seconds, minutes, hours or days, not '\(unit)'.")
        }
    }
}
