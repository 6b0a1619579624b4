import CognitoEmulator
import ServerlessConfig

/// The properties of an `AWS::Cognito::UserPool`, with AWS's defaults.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html
struct PoolProperties {
    let configuration: UserPoolConfiguration

    init(_ properties: CFValue, resource: Resource, diagnostics: inout DiagnosticCollector) {
        let reader = PropertyReader(properties, resource: resource)
        var schema = SchemaAttribute.standard
        if case .list(let entries)? = reader["Schema"] {
            for entry in entries {
                let item = PropertyReader(entry, resource: resource)
                guard let name = item.string("Name") else {
                    diagnostics.error("a Schema entry of user pool '\(resource.logicalID)' needs Name", at: resource.mark)
                    continue
                }
                if let index = schema.firstIndex(where: { $0.Name == name }) {
                    schema[index].Required = item.bool("Required") ?? schema[index].Required
                    schema[index].Mutable = item.bool("Mutable") ?? schema[index].Mutable
                    if let constraints = item["StringAttributeConstraints"] {
                        schema[index].StringAttributeConstraints = Self.stringConstraints(constraints, resource)
                    }
                    continue
                }
                let type = item.string("AttributeDataType") ?? "String"
                if item.bool("Required") == true {
                    diagnostics.error(
                        "custom attribute '\(name)' of user pool '\(resource.logicalID)' cannot be Required (Cognito: Required custom attributes are not supported currently.)",
                        at: resource.mark
                    )
                }
                schema.append(
                    SchemaAttribute(
                        Name: "custom:" + name,
                        AttributeDataType: type,
                        DeveloperOnlyAttribute: item.bool("DeveloperOnlyAttribute") ?? false,
                        Mutable: item.bool("Mutable") ?? true,
                        Required: false,
                        StringAttributeConstraints: type == "String"
                            ? (item["StringAttributeConstraints"].map { Self.stringConstraints($0, resource) }
                                ?? .init(MinLength: nil, MaxLength: nil)) : nil,
                        NumberAttributeConstraints: type == "Number"
                            ? item["NumberAttributeConstraints"].map {
                                let constraints = PropertyReader($0, resource: resource)
                                return .init(MinValue: constraints.string("MinValue"), MaxValue: constraints.string("MaxValue"))
                            } : nil
                    )
                )
            }
        }
        var policy = PasswordPolicy.cognitoDefault
        if let given = reader["Policies"]?["PasswordPolicy"] {
            let item = PropertyReader(given, resource: resource)
            policy = PasswordPolicy(
                MinimumLength: item.int("MinimumLength") ?? 8,
                RequireUppercase: item.bool("RequireUppercase") ?? false,
                RequireLowercase: item.bool("RequireLowercase") ?? false,
                RequireNumbers: item.bool("RequireNumbers") ?? false,
                RequireSymbols: item.bool("RequireSymbols") ?? false,
                TemporaryPasswordValidityDays: item.int("TemporaryPasswordValidityDays") ?? 7
            )
            if !(6...99).contains(policy.MinimumLength) {
                diagnostics.error("PasswordPolicy.MinimumLength of user pool '\(resource.logicalID)' must be between 6 and 99", at: resource.mark)
            }
        }
        let usernameAttributes = reader.strings("UsernameAttributes")
        let aliasAttributes = reader.strings("AliasAttributes")
        if !usernameAttributes.isEmpty, !aliasAttributes.isEmpty {
            diagnostics.error("user pool '\(resource.logicalID)' cannot have both UsernameAttributes and AliasAttributes", at: resource.mark)
        }
        var lambdaConfig: [String: String] = [:]
        var preTokenGenerationVersion = "V1_0"
        if case .map(let entries)? = reader["LambdaConfig"] {
            for entry in entries {
                if entry.key == "PreTokenGenerationConfig" {
                    let config = PropertyReader(entry.value, resource: resource)
                    lambdaConfig["PreTokenGeneration"] = config.string("LambdaArn")
                    preTokenGenerationVersion = config.string("LambdaVersion") ?? "V1_0"
                } else if let arn = entry.value.stringValue {
                    lambdaConfig[entry.key] = arn
                } else {
                    diagnostics.error(
                        "LambdaConfig.\(entry.key) of user pool '\(resource.logicalID)' must be a function ARN, for example !GetAtt MyFunctionLambdaFunction.Arn",
                        at: resource.mark
                    )
                }
            }
        }
        configuration = UserPoolConfiguration(
            logicalID: resource.logicalID,
            name: reader.string("UserPoolName") ?? resource.logicalID,
            schema: schema,
            usernameAttributes: usernameAttributes,
            aliasAttributes: aliasAttributes,
            autoVerifiedAttributes: reader.strings("AutoVerifiedAttributes"),
            passwordPolicy: policy,
            allowAdminCreateUserOnly: PropertyReader(reader["AdminCreateUserConfig"] ?? .map([]), resource: resource).bool("AllowAdminCreateUserOnly")
                ?? false,
            mfaConfiguration: reader.string("MfaConfiguration") ?? "OFF",
            lambdaConfig: lambdaConfig,
            preTokenGenerationVersion: preTokenGenerationVersion
        )
    }

    private static func stringConstraints(_ value: CFValue, _ resource: Resource) -> SchemaAttribute.StringConstraints {
        let reader = PropertyReader(value, resource: resource)
        return .init(MinLength: reader.string("MinLength"), MaxLength: reader.string("MaxLength"))
    }
}

/// The properties of an `AWS::Cognito::UserPoolClient`, with AWS's defaults.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpoolclient.html
struct ClientProperties {
    let configuration: UserPoolClientConfiguration?

    init(_ properties: CFValue, resource: Resource, poolLogicalID: String, diagnostics: inout DiagnosticCollector) {
        let reader = PropertyReader(properties, resource: resource)
        let flows = reader.strings("ExplicitAuthFlows")
        let legacy = ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]
        let modern = [
            "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
            "ALLOW_USER_AUTH",
        ]
        for flow in flows where !legacy.contains(flow) && !modern.contains(flow) {
            diagnostics.error("client '\(resource.logicalID)': unknown ExplicitAuthFlows value '\(flow)'", at: resource.mark)
        }
        if flows.contains(where: legacy.contains), flows.contains(where: modern.contains) {
            diagnostics.error(
                "client '\(resource.logicalID)': ExplicitAuthFlows cannot mix legacy names (ADMIN_NO_SRP_AUTH, …) with ALLOW_* names",
                at: resource.mark
            )
            configuration = nil
            return
        }
        let units = PropertyReader(reader["TokenValidityUnits"] ?? .map([]), resource: resource)
        let accessUnit = units.string("AccessToken") ?? "hours"
        let idUnit = units.string("IdToken") ?? "hours"
        let refreshUnit = units.string("RefreshToken") ?? "days"
        let access = reader.int("AccessTokenValidity") ?? (accessUnit == "minutes" ? 60 : accessUnit == "seconds" ? 3600 : 1)
        let id = reader.int("IdTokenValidity") ?? (idUnit == "minutes" ? 60 : idUnit == "seconds" ? 3600 : 1)
        let refresh =
            reader.int("RefreshTokenValidity")
            ?? (refreshUnit == "days" ? 30 : refreshUnit == "hours" ? 720 : refreshUnit == "minutes" ? 43_200 : 2_592_000)
        func seconds(_ value: Int, _ unit: String) -> Int? {
            switch unit {
            case "seconds": return value
            case "minutes": return value * 60
            case "hours": return value * 3600
            case "days": return value * 86_400
            default:
                diagnostics.error(
                    "client '\(resource.logicalID)': TokenValidityUnits must be seconds, minutes, hours or days, not '\(unit)'",
                    at: resource.mark
                )
                return nil
            }
        }
        guard let accessSeconds = seconds(access, accessUnit), let idSeconds = seconds(id, idUnit), let refreshSeconds = seconds(refresh, refreshUnit)
        else {
            configuration = nil
            return
        }
        for (name, value) in [("AccessTokenValidity", accessSeconds), ("IdTokenValidity", idSeconds)] where !(300...86_400).contains(value) {
            diagnostics.error("client '\(resource.logicalID)': \(name) must be between 5 minutes and 1 day", at: resource.mark)
        }
        if !(3600...315_360_000).contains(refreshSeconds) {
            diagnostics.error("client '\(resource.logicalID)': RefreshTokenValidity must be between 60 minutes and 10 years", at: resource.mark)
        }
        var rotationGrace: Int?
        if let rotation = reader["RefreshTokenRotation"], PropertyReader(rotation, resource: resource).string("Feature") == "ENABLED" {
            rotationGrace = PropertyReader(rotation, resource: resource).int("RetryGracePeriodSeconds") ?? 0
            if !(0...60).contains(rotationGrace!) {
                diagnostics.error(
                    "client '\(resource.logicalID)': RefreshTokenRotation.RetryGracePeriodSeconds must be between 0 and 60",
                    at: resource.mark
                )
            }
        }
        configuration = UserPoolClientConfiguration(
            logicalID: resource.logicalID,
            poolLogicalID: poolLogicalID,
            name: reader.string("ClientName") ?? resource.logicalID,
            generateSecret: reader.bool("GenerateSecret") ?? false,
            explicitAuthFlows: flows.isEmpty ? UserPoolClientConfiguration.defaultAuthFlows : flows,
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
    }
}
