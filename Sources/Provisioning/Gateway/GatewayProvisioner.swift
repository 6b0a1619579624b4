import APIGatewayEmulator
import EmulatorCore
import Foundation
import ServerlessConfig

/// The APIs the framework generates: the REST API from `http` events and the HTTP API from `httpApi`
/// events, one endpoint per method and resource, each authorizer bound to the pool or function it names.
enum GatewayProvisioner {
    /// The APIs as resources the framework generates: `ApiGatewayRestApi` (its `Ref` the REST API's ID,
    /// `RootResourceId`) and `HttpApi` (the HTTP API's ID).
    static func registerAPIs(in context: inout ProvisioningContext) {
        let stack = context.stack
        context.register(
            "ApiGatewayRestApi",
            ProvisionedResource(
                type: "AWS::ApiGateway::RestApi",
                physicalID: stack.gateway.apiID,
                attributes: ["RootResourceId": APIGateway.stableID("root|\(stack.gateway.apiID)", length: 10)]
            )
        )
        context.register(
            "HttpApi",
            ProvisionedResource(
                type: "AWS::ApiGatewayV2::Api",
                physicalID: stack.gateway.httpAPIID,
                attributes: ["ApiEndpoint": stack.endpoints.apiBase]
            )
        )
    }

    /// The APIs' configuration, with stable API IDs.
    static func provision(in context: inout ProvisioningContext) {
        var endpoints: [GatewayEndpoint] = []
        let settings = context.service.provider.httpApi
        let noAuth = context.service.offline.noAuth
        for function in context.service.functions {
            for event in function.events {
                switch event {
                case .http(let event):
                    endpoints.append(
                        GatewayEndpoint(
                            resource: event.path,
                            method: event.method.rawValue.uppercased(),
                            functionKey: function.key,
                            cors: event.cors,
                            requiresAPIKey: event.isPrivate,
                            timeoutSeconds: Double(event.timeoutInMillis ?? 29_000) / 1000,
                            authorizer: noAuth ? .none : binding(event.authorizer, in: context)
                        )
                    )
                case .httpApi(let event):
                    let path = event.path == "*" || event.path.hasPrefix("/") ? event.path : "/" + event.path
                    endpoints.append(
                        GatewayEndpoint(
                            api: .http,
                            resource: path,
                            method: event.method == "*" ? "ANY" : event.method.uppercased(),
                            functionKey: function.key,
                            timeoutSeconds: 30,
                            authorizer: noAuth ? .none : httpBinding(event, settings: settings, in: &context)
                        )
                    )
                default:
                    break
                }
            }
        }
        context.stack.gateway.endpoints = endpoints
        context.stack.gateway.paths = context.service.apiPaths
        context.stack.gateway.httpPayloadVersion = settings?.payloadVersion ?? "2.0"
        if var cors = settings?.cors {
            if cors.methods.contains("*") {
                var methods: Set<String> = ["OPTIONS"]
                for endpoint in endpoints where endpoint.api == .http {
                    if endpoint.method == "ANY" {
                        methods.formUnion(["GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE"])
                    } else {
                        methods.insert(endpoint.method)
                    }
                }
                cors.methods = methods.sorted()
            }
            context.stack.gateway.httpCORS = cors
        }
    }

    /// An `httpApi` route's authorizer: one of `provider.httpApi.authorizers` by name, `aws_iam`, or one made elsewhere.
    private static func httpBinding(_ event: HTTPAPIEvent, settings: HTTPAPISettings?, in context: inout ProvisioningContext) -> AuthorizerBinding {
        switch event.authorizer {
        case nil:
            return .none
        case .awsIAM:
            return .iam
        case .existing:
            return .unsupported("an httpApi authorizer given by id was made outside serverless.yml, and the emulator cannot run it")
        case .named(let name, let scopes):
            guard let authorizer = settings?.authorizers.first(where: { $0.name == name }) else {
                context.diagnostics.error(
                    "the httpApi route \(event.method) \(event.path) names the authorizer '\(name)', which provider.httpApi.authorizers does not declare",
                    at: event.mark
                )
                return .unsupported("no authorizer '\(name)'")
            }
            switch authorizer.kind {
            case .jwt(let issuerURL, let audience):
                let issuer = (try? context.resolver.resolve(issuerURL)).flatMap { try? context.resolver.text($0) } ?? ""
                let audiences = audience.compactMap { value in (try? context.resolver.resolve(value)).flatMap { try? context.resolver.text($0) } }
                let poolID = issuer.split(separator: "/").last.map(String.init)
                let known = poolID.flatMap(context.stack.userPool)
                var keys: [JSONWebKey] = []
                if known == nil {
                    keys = JWKSFile.keys(for: issuer, authorizer: name, at: authorizer.mark, in: &context)
                }
                return .jwt(
                    JWTAuthorizerBinding(
                        poolID: known?.physicalID,
                        issuer: issuer,
                        keys: keys,
                        audience: audiences,
                        scopes: scopes,
                        identitySource: authorizer.identitySource.first ?? "$request.header.Authorization"
                    )
                )
            case .request(let functionName, let ttl, let simple, _):
                return .httpLambda(
                    functionKey: context.service.function(named: functionName)?.key,
                    identitySource: authorizer.identitySource,
                    ttlSeconds: ttl,
                    simpleResponses: simple
                )
            }
        }
    }

    private static func binding(_ authorizer: HTTPAuthorizer?, in context: ProvisioningContext) -> AuthorizerBinding {
        guard let authorizer else { return .none }
        switch authorizer.kind {
        case .cognitoUserPools(let arn):
            let header = authorizer.identitySource.split(separator: ",").first.flatMap { IdentitySource(String($0)).headerName } ?? "Authorization"
            let poolID = (try? context.resolver.resolve(arn))?.stringValue.flatMap(ARN.init(parsing:)).flatMap { arn in
                arn.service == "cognito-idp" ? String(arn.resourceName) : nil
            }
            return .cognito(poolID: poolID.flatMap(context.stack.userPool)?.physicalID, headerName: header, scopes: authorizer.scopes)
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
