package import EmulatorCore

extension UserPoolConfiguration {
    /// A pool from CreateUserPool's members (or `AWS::Cognito::UserPool`'s properties, with
    /// `UserPoolName` for `PoolName`), with AWS's defaults for what is absent.
    /// See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html
    /// - Throws: `InvalidParameterException` with AWS's text when the members contradict each other.
    package init(definition: JSONValue, logicalID: String) throws(CognitoError) {
        let reader = DefinitionReader(definition)
        var schema = SchemaAttribute.standard
        for item in reader.objects("Schema") {
            guard let name = item.string("Name") else { throw .invalidParameter("A Schema entry needs Name.") }
            if let index = schema.firstIndex(where: { $0.Name == name }) {
                schema[index].Required = item.bool("Required") ?? schema[index].Required
                schema[index].Mutable = item.bool("Mutable") ?? schema[index].Mutable
                if item["StringAttributeConstraints"] != nil {
                    schema[index].StringAttributeConstraints = Self.stringConstraints(item.object("StringAttributeConstraints"))
                }
                continue
            }
            let type = item.string("AttributeDataType") ?? "String"
            if item.bool("Required") == true { throw .invalidParameter("Required custom attributes are not supported currently.") }
            let customName = "custom:" + name
            guard !schema.contains(where: { $0.Name == customName }) else {
                throw .invalidParameter("Existing attribute already has name \(name).")
            }
            schema.append(
                SchemaAttribute(
                    Name: customName,
                    AttributeDataType: type,
                    DeveloperOnlyAttribute: item.bool("DeveloperOnlyAttribute") ?? false,
                    Mutable: item.bool("Mutable") ?? true,
                    Required: false,
                    StringAttributeConstraints: type == "String" ? Self.stringConstraints(item.object("StringAttributeConstraints")) : nil,
                    NumberAttributeConstraints: type == "Number"
                        ? item["NumberAttributeConstraints"].map { _ in
                            let constraints = item.object("NumberAttributeConstraints")
                            return .init(MinValue: constraints.string("MinValue"), MaxValue: constraints.string("MaxValue"))
                        } : nil
                )
            )
        }
        var policy = PasswordPolicy.cognitoDefault
        if reader.object("Policies")["PasswordPolicy"] != nil {
            let given = reader.object("Policies").object("PasswordPolicy")
            policy = PasswordPolicy(
                MinimumLength: given.int("MinimumLength") ?? 8,
                RequireUppercase: given.bool("RequireUppercase") ?? false,
                RequireLowercase: given.bool("RequireLowercase") ?? false,
                RequireNumbers: given.bool("RequireNumbers") ?? false,
                RequireSymbols: given.bool("RequireSymbols") ?? false,
                TemporaryPasswordValidityDays: given.int("TemporaryPasswordValidityDays") ?? 7
            )
            guard (6...99).contains(policy.MinimumLength) else {
                throw .invalidParameter("PasswordPolicy.MinimumLength must be between 6 and 99.")
            }
        }
        let usernameAttributes = reader.strings("UsernameAttributes")
        let aliasAttributes = reader.strings("AliasAttributes")
        guard usernameAttributes.isEmpty || aliasAttributes.isEmpty else {
            throw .invalidParameter("Only one of the following parameters can be set: UsernameAttributes, AliasAttributes")
        }
        var lambdaConfig: [String: String] = [:]
        var preTokenGenerationVersion = "V1_0"
        for member in reader["LambdaConfig"]?.members ?? [] where member.value != .null {
            if member.key == "PreTokenGenerationConfig" {
                let config = DefinitionReader(member.value)
                lambdaConfig["PreTokenGeneration"] = config.string("LambdaArn")
                preTokenGenerationVersion = config.string("LambdaVersion") ?? "V1_0"
            } else if ["CustomSMSSender", "CustomEmailSender", "InboundFederation"].contains(member.key) {
                lambdaConfig[member.key] = DefinitionReader(member.value).string("LambdaArn")
            } else if let arn = member.value.stringValue {
                lambdaConfig[member.key] = arn
            } else if member.key != "KMSKeyID" {
                throw .invalidParameter("LambdaConfig.\(member.key) must be a function ARN.")
            }
        }
        self.init(
            logicalID: logicalID,
            name: reader.string("PoolName") ?? reader.string("UserPoolName") ?? logicalID,
            schema: schema,
            usernameAttributes: usernameAttributes,
            aliasAttributes: aliasAttributes,
            autoVerifiedAttributes: reader.strings("AutoVerifiedAttributes"),
            passwordPolicy: policy,
            allowAdminCreateUserOnly: reader.object("AdminCreateUserConfig").bool("AllowAdminCreateUserOnly") ?? false,
            mfaConfiguration: reader.string("MfaConfiguration") ?? "OFF",
            lambdaConfig: lambdaConfig,
            preTokenGenerationVersion: preTokenGenerationVersion
        )
        deletionProtection = reader.string("DeletionProtection") == "ACTIVE"
        self.definition = definition
    }

    /// A pool with AWS's defaults and only a name (what the framework creates for a `cognitoUserPool` event).
    package init(defaultsNamed name: String, logicalID: String) {
        // A definition of only a name cannot contradict itself.
        self = (try? UserPoolConfiguration(definition: .object([.init("PoolName", .string(name))]), logicalID: logicalID))!
    }

    private static func stringConstraints(_ reader: DefinitionReader) -> SchemaAttribute.StringConstraints {
        .init(MinLength: reader.string("MinLength"), MaxLength: reader.string("MaxLength"))
    }
}
