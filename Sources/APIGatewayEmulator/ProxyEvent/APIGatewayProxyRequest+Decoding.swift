extension APIGatewayProxyRequest {
    /// Decodes an event, filling what a hand-written event leaves out the way API Gateway would
    /// (method GET, path `/`, an empty context), so `emulate invoke --data '{"body": "…"}'` works.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decodeIfPresent(String.self, forKey: .path) ?? "/"
        resource = try container.decodeIfPresent(String.self, forKey: .resource) ?? path
        httpMethod = try container.decodeIfPresent(String.self, forKey: .httpMethod) ?? "GET"
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers)
        multiValueHeaders =
            try container.decodeIfPresent([String: [String]].self, forKey: .multiValueHeaders)
            ?? headers.map { $0.mapValues { [$0] } }
        queryStringParameters = try container.decodeIfPresent([String: String].self, forKey: .queryStringParameters)
        multiValueQueryStringParameters =
            try container.decodeIfPresent([String: [String]].self, forKey: .multiValueQueryStringParameters)
            ?? queryStringParameters.map { $0.mapValues { [$0] } }
        pathParameters = try container.decodeIfPresent([String: String].self, forKey: .pathParameters)
        stageVariables = try container.decodeIfPresent([String: String].self, forKey: .stageVariables)
        requestContext =
            try container.decodeIfPresent(RequestContext.self, forKey: .requestContext)
            ?? RequestContext(resourcePath: resource, httpMethod: httpMethod, path: path)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }
}

extension APIGatewayProxyRequest.RequestContext {
    /// A context with the given resource, method and path and placeholders elsewhere.
    public init(
        resourcePath: String,
        httpMethod: String,
        path: String,
        stage: String = "dev",
        requestID: String = "00000000-0000-0000-0000-000000000000",
        authorizer: APIGatewayProxyRequest.Authorizer? = nil
    ) {
        self.init(
            resourceId: "000000",
            resourcePath: resourcePath,
            httpMethod: httpMethod,
            extendedRequestId: "emulate",
            requestTime: "01/Jan/1970:00:00:00 +0000",
            path: "/\(stage)\(path)",
            accountId: "000000000000",
            protocol: "HTTP/1.1",
            stage: stage,
            domainPrefix: "localhost",
            requestTimeEpoch: 0,
            requestId: requestID,
            identity: .init(sourceIp: "127.0.0.1", userAgent: nil),
            domainName: "localhost",
            apiId: "emulate",
            authorizer: authorizer
        )
    }

    /// Decodes a context, filling missing fields with placeholders.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T { try container.decodeIfPresent(T.self, forKey: key) ?? fallback }
        self.init(
            resourceId: try value(.resourceId, "000000"),
            resourcePath: try value(.resourcePath, "/"),
            httpMethod: try value(.httpMethod, "GET"),
            extendedRequestId: try value(.extendedRequestId, "emulate"),
            requestTime: try value(.requestTime, "01/Jan/1970:00:00:00 +0000"),
            path: try value(.path, "/"),
            accountId: try value(.accountId, "000000000000"),
            protocol: try value(.protocol, "HTTP/1.1"),
            stage: try value(.stage, "dev"),
            domainPrefix: try value(.domainPrefix, "localhost"),
            requestTimeEpoch: try value(.requestTimeEpoch, 0),
            requestId: try value(.requestId, "00000000-0000-0000-0000-000000000000"),
            identity: try value(.identity, APIGatewayProxyRequest.Identity(sourceIp: "127.0.0.1", userAgent: nil)),
            domainName: try value(.domainName, "localhost"),
            apiId: try value(.apiId, "emulate"),
            authorizer: try container.decodeIfPresent(APIGatewayProxyRequest.Authorizer.self, forKey: .authorizer)
        )
    }
}
