import APIGatewayEmulator
import EmulatorCore
import Foundation
import ServerlessConfig

/// The REST API the framework generates from `http` events: one endpoint per method and resource,
/// each authorizer bound to the pool or function its ARN names.
enum GatewayProvisioner {
    /// The REST API's configuration, with a stable API ID.
    static func provision(in context: inout ProvisioningContext) {
        var endpoints: [GatewayEndpoint] = []
        for function in context.service.functions {
            for case .http(let event) in function.events {
                endpoints.append(
                    GatewayEndpoint(
                        resource: event.path,
                        method: event.method.rawValue.uppercased(),
                        functionKey: function.key,
                        cors: event.cors,
                        requiresAPIKey: event.isPrivate,
                        timeoutSeconds: Double(event.timeoutInMillis ?? 29_000) / 1000,
                        authorizer: binding(event.authorizer, in: context)
                    )
                )
            }
        }
        context.stack.gateway.endpoints = endpoints
    }

    private static func binding(_ authorizer: HTTPAuthorizer?, in context: ProvisioningContext) -> AuthorizerBinding {
        guard let authorizer else { return .none }
        switch authorizer.kind {
        case .cognitoUserPools(let arn):
            var header = "Authorization"
            if let source = authorizer.identitySource.split(separator: ",").first, source.hasPrefix("method.request.header.") {
                header = String(source.dropFirst("method.request.header.".count)).trimmingCharacters(in: .whitespaces)
            }
            let poolID = (try? context.resolver.resolve(arn))?.stringValue.flatMap(ARN.init(parsing:)).flatMap { arn in
                arn.service == "cognito-idp" ? String(arn.resourceName) : nil
            }
            let known = poolID.flatMap { id in context.stack.resources.values.first { $0.type == "AWS::Cognito::UserPool" && $0.physicalID == id } }
            return .cognito(poolID: known?.physicalID, headerName: header, scopes: authorizer.scopes)
        case .lambda(let key, let arn, let type):
            let resolvedARN = arn.flatMap { try? context.resolver.resolve($0) }?.stringValue
            let function =
                key.flatMap { context.service.function(named: $0) }
                ?? context.service.functions.first { function in
                    resolvedARN == ARN.lambdaFunction(function.name, region: context.stack.region, account: context.stack.accountID).description
                }
            return .lambda(
                functionKey: function?.key,
                type: type,
                identitySource: authorizer.identitySource,
                validationExpression: authorizer.identityValidationExpression,
                ttlSeconds: authorizer.resultTTLInSeconds
            )
        case .awsIAM:
            return .iam
        case .existing:
            return .unsupported("authorizerId refers to an authorizer outside serverless.yml, which the emulator cannot run")
        }
    }
}
