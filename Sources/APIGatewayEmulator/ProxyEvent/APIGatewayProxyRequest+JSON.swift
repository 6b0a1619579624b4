public import EmulatorCore

// The 1.0 event written straight to JSON for a function's process: the same members as its `Encodable`
// form (every top-level member and every identity member present, `null` when absent, as AWS sends them).

extension APIGatewayProxyRequest: JSONWritable {
    /// Writes the event.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("resource", resource)
        writer.member("path", path)
        writer.member("httpMethod", httpMethod)
        writer.member("headers", orNull: headers)
        writer.member("multiValueHeaders", orNull: multiValueHeaders)
        writer.member("queryStringParameters", orNull: queryStringParameters)
        writer.member("multiValueQueryStringParameters", orNull: multiValueQueryStringParameters)
        writer.member("pathParameters", orNull: pathParameters)
        writer.member("stageVariables", orNull: stageVariables)
        writer.member("requestContext", ifPresent: requestContext)
        writer.member("body", orNull: body)
        writer.key("isBase64Encoded")
        writer.bool(isBase64Encoded)
        writer.endObject()
    }
}

extension APIGatewayProxyRequest.RequestContext: JSONWritable {
    /// Writes the request context.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("resourceId", resourceId)
        writer.member("resourcePath", resourcePath)
        writer.member("httpMethod", httpMethod)
        writer.member("extendedRequestId", extendedRequestId)
        writer.member("requestTime", requestTime)
        writer.member("path", path)
        writer.member("accountId", accountId)
        writer.member("protocol", `protocol`)
        writer.member("stage", stage)
        writer.member("domainPrefix", domainPrefix)
        writer.key("requestTimeEpoch")
        writer.int(requestTimeEpoch)
        writer.member("requestId", requestId)
        writer.member("identity", ifPresent: identity)
        writer.member("domainName", domainName)
        writer.member("apiId", apiId)
        writer.member("authorizer", ifPresent: authorizer)
        writer.endObject()
    }
}

extension APIGatewayProxyRequest.Identity: JSONWritable {
    /// Writes the caller's identity.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("cognitoIdentityPoolId", orNull: cognitoIdentityPoolId)
        writer.member("accountId", orNull: accountId)
        writer.member("cognitoIdentityId", orNull: cognitoIdentityId)
        writer.member("caller", orNull: caller)
        writer.member("sourceIp", sourceIp)
        writer.member("principalOrgId", orNull: principalOrgId)
        writer.member("accessKey", orNull: accessKey)
        writer.member("cognitoAuthenticationType", orNull: cognitoAuthenticationType)
        writer.member("cognitoAuthenticationProvider", orNull: cognitoAuthenticationProvider)
        writer.member("userArn", orNull: userArn)
        writer.member("userAgent", orNull: userAgent)
        writer.member("user", orNull: user)
        writer.endObject()
    }
}

extension APIGatewayProxyRequest.Authorizer: JSONWritable {
    /// Writes a Cognito authorizer's claims (and scopes), or a Lambda authorizer's principal, latency and
    /// context entries, flattened into the object.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let claims {
            writer.key("claims")
            writer.object(claims)
            writer.member("scopes", ifPresent: scopes)
        } else {
            // A context entry of the same name wins, as it does in the `Encodable` form.
            if context["principalId"] == nil { writer.member("principalId", ifPresent: principalId) }
            if context["integrationLatency"] == nil { writer.member("integrationLatency", ifPresent: integrationLatency) }
            for (name, value) in context { writer.member(name, value) }
        }
        writer.endObject()
    }
}
