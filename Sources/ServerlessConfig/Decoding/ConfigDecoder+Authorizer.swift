import YAML

extension ConfigDecoder {
    /// The `authorizer` of an `http` event in any of the forms the Serverless Framework accepts:
    /// a function name, `aws_iam`, an ARN, or a mapping with `name`/`arn`/`type`/`authorizerId`.
    mutating func decodeAuthorizer(_ node: YAMLNode, context: String) -> HTTPAuthorizer? {
        let defaultSource = "method.request.header.Authorization"
        func authorizer(_ name: String, _ kind: HTTPAuthorizer.Kind) -> HTTPAuthorizer {
            HTTPAuthorizer(
                name: name,
                kind: kind,
                identitySource: defaultSource,
                identityValidationExpression: nil,
                resultTTLInSeconds: 300,
                claims: [],
                scopes: [],
                mark: node.mark
            )
        }
        if let text = node.scalarText, node.tag == nil, !node.isNull {
            if text.lowercased() == "aws_iam" { return authorizer("aws_iam", .awsIAM) }
            if text.hasPrefix("arn:") {
                let name = Self.authorizerName(fromARN: text)
                return authorizer(
                    name,
                    text.contains(":cognito-idp:")
                        ? .cognitoUserPools(poolARN: .string(text)) : .lambda(functionKey: nil, arn: .string(text), type: .token)
                )
            }
            checkFunctionExists(text, at: node.mark)
            return authorizer(text, .lambda(functionKey: text, arn: nil, type: .token))
        }
        guard var reader = MappingReader(node, context: context, diagnostics: &diagnostics) else { return nil }
        reader.accept(["managedExternally"])
        let name = reader.string("name", diagnostics: &diagnostics)
        let arnNode = reader.value("arn")
        let arn = arnNode.map { CFValue($0, scope: scope, diagnostics: &diagnostics) }
        let typeText = reader.string("type", diagnostics: &diagnostics)
        let kind: HTTPAuthorizer.Kind
        if let id = reader.value("authorizerId") {
            kind = .existing(id: CFValue(id, scope: scope, diagnostics: &diagnostics), type: typeText?.uppercased())
        } else {
            switch typeText?.lowercased() {
            case "cognito_user_pools":
                guard let arn else {
                    diagnostics.error("\(context) of type COGNITO_USER_POOLS is missing the required key 'arn'", at: node.mark)
                    return nil
                }
                kind = .cognitoUserPools(poolARN: arn)
            case "aws_iam":
                kind = .awsIAM
            case "token", "request", nil:
                let type: HTTPAuthorizer.LambdaType = typeText?.lowercased() == "request" ? .request : .token
                if let arn {
                    kind = typeText == nil && isUserPoolARN(arn) ? .cognitoUserPools(poolARN: arn) : .lambda(functionKey: nil, arn: arn, type: type)
                } else if let name {
                    checkFunctionExists(name, at: node["name"]!.mark)
                    kind = .lambda(functionKey: name, arn: nil, type: type)
                } else {
                    diagnostics.error("\(context) needs 'name' (a function of this service), 'arn' or 'authorizerId'", at: node.mark)
                    return nil
                }
            case let other?:
                let types = ["token", "request", "COGNITO_USER_POOLS", "aws_iam"]
                diagnostics.error("\(context) has unknown type '\(other)'" + Suggestion.hint(for: other, in: types), at: node["type"]!.mark)
                return nil
            }
        }
        var result = HTTPAuthorizer(
            name: name ?? arn.flatMap { $0.stringValue.map(Self.authorizerName(fromARN:)) } ?? "authorizer",
            kind: kind,
            identitySource: reader.string("identitySource", diagnostics: &diagnostics) ?? defaultSource,
            identityValidationExpression: reader.string("identityValidationExpression", diagnostics: &diagnostics),
            resultTTLInSeconds: reader.int("resultTtlInSeconds", diagnostics: &diagnostics) ?? 300,
            claims: reader.strings("claims", diagnostics: &diagnostics) ?? [],
            scopes: reader.strings("scopes", diagnostics: &diagnostics) ?? [],
            mark: node.mark
        )
        if result.resultTTLInSeconds < 0 || result.resultTTLInSeconds > 3600 {
            diagnostics.error("'resultTtlInSeconds' of \(context) must be between 0 and 3600", at: node["resultTtlInSeconds"]!.mark)
            result.resultTTLInSeconds = 300
        }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return result
    }

    /// Whether an `arn` value names a Cognito user pool: an ARN string, or `Fn::GetAtt` of a user pool's `Arn`.
    private func isUserPoolARN(_ arn: CFValue) -> Bool {
        switch arn {
        case .string(let text): return text.contains(":cognito-idp:")
        case .getAtt(let logicalID, "Arn"): return cognitoPoolIDs.contains(logicalID)
        default: return false
        }
    }

    /// The last segment of an ARN, as the Serverless Framework names an authorizer given only an ARN.
    static func authorizerName(fromARN arn: String) -> String {
        String(arn.split(whereSeparator: { $0 == ":" || $0 == "/" }).last ?? "authorizer")
    }
}
