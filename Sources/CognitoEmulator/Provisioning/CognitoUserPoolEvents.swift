import ServerlessConfig
import YAML

/// The Serverless Framework's `cognitoUserPool` function events: `{ pool, trigger, existing }` attaches the
/// function as a trigger of the pool with that `UserPoolName` (or the logical ID Serverless derives,
/// `CognitoUserPool<Name>`); a pool that is neither declared nor `existing` is created with AWS's defaults,
/// as Serverless creates it. See https://www.serverless.com/framework/docs/providers/aws/events/cognito-user-pool
struct CognitoUserPoolEvents {
    static let triggers: Set<String> = [
        "PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "PreTokenGeneration", "CustomMessage",
        "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse", "UserMigration", "CustomSMSSender", "CustomEmailSender",
    ]

    /// Serverless's logical ID for a pool named in an event: `CognitoUserPool` + the name's letters and digits, capitalised.
    static func logicalID(poolName: String) -> String {
        let alphanumeric = String(poolName.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) })
        return "CognitoUserPool" + alphanumeric.prefix(1).uppercased() + alphanumeric.dropFirst()
    }

    /// Adds each event's function to its pool's `LambdaConfig`, creating pools Serverless would create.
    static func apply(_ service: ServerlessService, to configuration: inout CognitoConfiguration, resolver: inout IntrinsicResolver,
                      issuerBase: String, diagnostics: inout DiagnosticCollector) {
        for function in service.functions {
            for case .other(let type, let node) in function.events where type == "cognitoUserPool" {
                guard let pool = node["pool"]?.scalarText, let trigger = node["trigger"]?.scalarText else {
                    diagnostics.error("a cognitoUserPool event of function '\(function.key)' needs pool and trigger", at: node.mark)
                    continue
                }
                guard triggers.contains(trigger) else {
                    diagnostics.error("cognitoUserPool trigger '\(trigger)' of function '\(function.key)' is not one of: \(triggers.sorted().joined(separator: ", "))", at: node.mark)
                    continue
                }
                let derived = logicalID(poolName: pool)
                var index = configuration.pools.firstIndex { $0.name == pool || $0.logicalID == derived }
                if index == nil {
                    if node["existing"]?.scalarValue == .bool(true) {
                        diagnostics.warning("cognitoUserPool event of function '\(function.key)': no pool named '\(pool)' is declared; the emulator creates it with AWS's defaults", at: node.mark)
                    }
                    configuration.pools.append(UserPoolConfiguration(
                        logicalID: derived, name: pool, schema: SchemaAttribute.standard, usernameAttributes: [], aliasAttributes: [],
                        autoVerifiedAttributes: [], passwordPolicy: .cognitoDefault, allowAdminCreateUserOnly: false, mfaConfiguration: "OFF", lambdaConfig: [:]))
                    let id = configuration.poolID(forLogicalID: derived)
                    resolver.refs[derived] = id
                    resolver.attributes[derived] = [
                        "Arn": "arn:aws:cognito-idp:\(resolver.region):\(resolver.accountID):userpool/\(id)", "ProviderURL": "\(issuerBase)/\(id)", "UserPoolId": id,
                    ]
                    index = configuration.pools.count - 1
                }
                configuration.pools[index!].lambdaConfig[trigger] = "arn:aws:lambda:\(resolver.region):\(resolver.accountID):function:\(function.name)"
            }
        }
    }
}
