import APIGatewayEmulator
import ServerlessConfig

/// `AWS::ApiGateway::GatewayResponse`: changes one of the REST API's own answers (status, headers,
/// body template) — most often `DEFAULT_4XX` / `DEFAULT_5XX` adding CORS headers.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-gatewayresponse.html
struct GatewayResponseProvisioner: ResourceProvisioner {
    let resourceType = "AWS::ApiGateway::GatewayResponse"

    static let responseTypes: Set<String> = [
        "ACCESS_DENIED", "API_CONFIGURATION_ERROR", "AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR", "BAD_REQUEST_PARAMETERS",
        "BAD_REQUEST_BODY", "DEFAULT_4XX", "DEFAULT_5XX", "EXPIRED_TOKEN", "INVALID_SIGNATURE", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT",
        "INVALID_API_KEY", "MISSING_AUTHENTICATION_TOKEN", "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "THROTTLED",
        "UNAUTHORIZED", "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED",
    ]

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        context.register(resource.logicalID, ProvisionedResource(type: resourceType, physicalID: resource.logicalID))
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {
        guard let properties = context.properties(of: resource) else { return }
        let reader = PropertyReader(properties, resource: resource)
        guard let type = reader.string("ResponseType"), Self.responseTypes.contains(type) else {
            context.diagnostics.error(
                "AWS::ApiGateway::GatewayResponse '\(resource.logicalID)' needs a ResponseType, one of: \(Self.responseTypes.sorted().joined(separator: ", "))",
                at: resource.mark
            )
            return
        }
        var headers: [(name: String, value: String)] = []
        if case .map(let entries)? = reader["ResponseParameters"] {
            for entry in entries where entry.key.hasPrefix("gatewayresponse.header.") {
                guard let value = entry.value.stringValue else { continue }
                let literal = value.count >= 2 && value.hasPrefix("'") && value.hasSuffix("'") ? String(value.dropFirst().dropLast()) : value
                headers.append((String(entry.key.dropFirst("gatewayresponse.header.".count)), literal))
            }
        }
        var template: String?
        if case .map(let entries)? = reader["ResponseTemplates"] {
            template = (entries.first { $0.key == "application/json" } ?? entries.first)?.value.stringValue
        }
        context.stack.gateway.gatewayResponses.append(
            GatewayResponseOverride(responseType: type, statusCode: reader.int("StatusCode"), headers: headers, template: template)
        )
    }
}
