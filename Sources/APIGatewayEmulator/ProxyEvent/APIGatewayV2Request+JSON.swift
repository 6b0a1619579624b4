public import EmulatorCore

// The 2.0 event written straight to JSON for a function's process: the same members as its `Encodable`
// form (absent optionals left out, `jwt.scopes` null when there are none), without an `Encoder`.

extension APIGatewayV2Request: JSONWritable {
    /// Writes the event.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("version", version)
        writer.member("routeKey", routeKey)
        writer.member("rawPath", rawPath)
        writer.member("rawQueryString", rawQueryString)
        writer.member("cookies", ifPresent: cookies)
        writer.key("headers")
        writer.object(headers)
        writer.member("queryStringParameters", ifPresent: queryStringParameters)
        writer.member("pathParameters", ifPresent: pathParameters)
        writer.member("stageVariables", ifPresent: stageVariables)
        writer.member("requestContext", ifPresent: requestContext)
        writer.member("body", ifPresent: body)
        writer.key("isBase64Encoded")
        writer.bool(isBase64Encoded)
        writer.endObject()
    }
}

extension APIGatewayV2Request.RequestContext: JSONWritable {
    /// Writes the request context.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("accountId", accountId)
        writer.member("apiId", apiId)
        writer.member("authorizer", ifPresent: authorizer)
        writer.member("domainName", domainName)
        writer.member("domainPrefix", domainPrefix)
        writer.member("http", ifPresent: http)
        writer.member("requestId", requestId)
        writer.member("routeKey", routeKey)
        writer.member("stage", stage)
        writer.member("time", time)
        writer.key("timeEpoch")
        writer.int(timeEpoch)
        writer.endObject()
    }
}

extension APIGatewayV2Request.HTTP: JSONWritable {
    /// Writes `http`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("method", method)
        writer.member("path", path)
        writer.member("protocol", `protocol`)
        writer.member("sourceIp", sourceIp)
        writer.member("userAgent", userAgent)
        writer.endObject()
    }
}

extension APIGatewayV2Request.Authorizer: JSONWritable {
    /// Writes what the authorizer found.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("jwt", ifPresent: jwt)
        if let lambda {
            writer.key("lambda")
            JSONValue.object(lambda.map { JSONValue.Member($0.key, $0.value) }).write(to: &writer)
        }
        writer.member("iam", ifPresent: iam)
        writer.endObject()
    }
}

extension APIGatewayV2Request.Authorizer.JWT: JSONWritable {
    /// Writes the claims and the scopes (null when there are none, as AWS sends them).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("claims")
        writer.object(claims)
        writer.key("scopes")
        if let scopes { writer.array(scopes) } else { writer.null() }
        writer.endObject()
    }
}

extension APIGatewayV2Request.Authorizer.IAM: JSONWritable {
    /// Writes the caller.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("accessKey", ifPresent: accessKey)
        writer.member("accountId", ifPresent: accountId)
        writer.member("callerId", ifPresent: callerId)
        if let cognitoIdentity {
            writer.key("cognitoIdentity")
            writer.beginObject()
            writer.key("amr")
            writer.array(cognitoIdentity.amr)
            writer.member("identityId", cognitoIdentity.identityId)
            writer.member("identityPoolId", cognitoIdentity.identityPoolId)
            writer.endObject()
        }
        writer.member("principalOrgId", ifPresent: principalOrgId)
        writer.member("userArn", ifPresent: userArn)
        writer.member("userId", ifPresent: userId)
        writer.endObject()
    }
}
