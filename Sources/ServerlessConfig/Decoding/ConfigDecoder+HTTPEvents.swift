import YAML

extension ConfigDecoder {
    static let httpEventKeys: Set<String> = [
        "async", "caching", "connectionId", "connectionType", "documentation", "operationId", "response", "integrationMethod",
    ]

    /// An `http` event: the `'METHOD path'` shorthand or the mapping form.
    mutating func decodeHTTPEvent(_ node: YAMLNode, functionKey: String) -> HTTPEvent? {
        let context = "the http event of function '\(functionKey)'"
        if let text = node.scalarText, !node.isNull {
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let method = decodeMethod(String(parts[0]), at: node.mark) else {
                if parts.count != 2 { diagnostics.error("\(context) must be 'METHOD path' or a mapping, not '\(text)'", at: node.mark) }
                return nil
            }
            return HTTPEvent(
                path: Self.normalizedPath(String(parts[1])),
                method: method,
                cors: nil,
                authorizer: nil,
                requestParameters: RequestParameters(),
                isPrivate: false,
                integration: "lambda-proxy",
                timeoutInMillis: nil,
                mark: node.mark
            )
        }
        guard var reader = MappingReader(node, context: context, diagnostics: &diagnostics) else { return nil }
        reader.accept(Self.httpEventKeys)
        let path = reader.requiredString("path", diagnostics: &diagnostics)
        let methodText = reader.requiredString("method", diagnostics: &diagnostics)
        let method = methodText.flatMap { decodeMethod($0, at: node["method"]!.mark) }
        let cors = reader.value("cors").flatMap { decodeCORS($0, method: methodText ?? "GET", context: "'cors' of \(context)") }
        let authorizer = reader.value("authorizer").flatMap { decodeAuthorizer($0, context: "the authorizer of \(context)") }
        reader.refuseMisspelling(of: "authorizer", consequence: "the route is public", diagnostics: &diagnostics)
        var integration = reader.string("integration", diagnostics: &diagnostics)?.lowercased() ?? "lambda-proxy"
        if integration == "aws_proxy" { integration = "lambda-proxy" }
        let knownIntegrations = ["lambda-proxy", "lambda", "aws", "http", "http-proxy", "http_proxy", "mock"]
        if !knownIntegrations.contains(integration) {
            diagnostics.error(
                "unknown integration '\(integration)' in \(context)" + Suggestion.hint(for: integration, in: knownIntegrations),
                at: node["integration"]!.mark
            )
        }
        let timeout = reader.int("timeoutInMillis", diagnostics: &diagnostics) ?? reader.int("timeout", diagnostics: &diagnostics).map { $0 * 1000 }
        if let timeout, timeout < 50 || timeout > 29_000 {
            diagnostics.warning(
                "\(context): API Gateway integration timeouts are 50 to 29,000 ms by default; \(timeout) ms needs a quota increase",
                at: node.mark
            )
        }
        let event = HTTPEvent(
            path: path.map(Self.normalizedPath) ?? "/",
            method: method ?? .get,
            cors: cors,
            authorizer: authorizer,
            requestParameters: decodeRequest(&reader, context: context),
            isPrivate: reader.bool("private", diagnostics: &diagnostics) ?? false,
            integration: integration,
            timeoutInMillis: timeout,
            mark: node.mark
        )
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        guard path != nil, method != nil else { return nil }
        return event
    }

    private mutating func decodeMethod(_ text: String, at mark: Mark) -> HTTPEvent.Method? {
        if let method = HTTPEvent.Method(rawValue: text.lowercased()) { return method }
        let names = HTTPEvent.Method.allCases.map(\.rawValue)
        diagnostics.error(
            "unknown HTTP method '\(text)'; expected one of \(names.joined(separator: ", "))" + Suggestion.hint(for: text.lowercased(), in: names),
            at: mark
        )
        return nil
    }

    /// `/user/login`: one leading slash, no trailing slash, as the Serverless Framework normalises paths.
    static func normalizedPath(_ path: String) -> String {
        let trimmed = path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        return "/" + trimmed
    }

    private mutating func decodeRequest(_ event: inout MappingReader, context: String) -> RequestParameters {
        var parameters = RequestParameters()
        guard let node = event.value("request"),
            var reader = MappingReader(node, context: "'request' of \(context)", diagnostics: &diagnostics)
        else { return parameters }
        reader.accept(["schemas", "template", "passThrough", "contentHandling", "uri", "method"])
        if let node = reader.value("parameters"),
            var params = MappingReader(node, context: "'request.parameters' of \(context)", diagnostics: &diagnostics)
        {
            parameters.queryStrings = decodeRequired(params.value("querystrings"))
            parameters.headers = decodeRequired(params.value("headers"))
            parameters.paths = decodeRequired(params.value("paths"))
            params.warnAboutUnknownKeys(diagnostics: &diagnostics)
        }
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return parameters
    }

    /// `name: true` or `name: { required: true, mappedValue: … }`.
    private mutating func decodeRequired(_ node: YAMLNode?) -> [String: Bool] {
        var result: [String: Bool] = [:]
        for pair in node?.pairs ?? [] {
            guard let name = pair.key.scalarText else { continue }
            if case .bool(let required) = pair.value.scalarValue {
                result[name] = required
            } else if case .bool(let required) = pair.value["required"]?.scalarValue {
                result[name] = required
            } else {
                diagnostics.error("request parameter '\(name)' must be true, false or { required: … }", at: pair.value.mark)
            }
        }
        return result
    }

    /// `cors: true`, or the object form with origins, headers, credentials and max age.
    mutating func decodeCORS(_ node: YAMLNode, method: String, context: String) -> CORSConfiguration? {
        if case .bool(let enabled) = node.scalarValue { return enabled ? .enabled(method: method) : nil }
        guard var reader = MappingReader(node, context: context, diagnostics: &diagnostics) else { return nil }
        var cors = CORSConfiguration.enabled(method: method)
        if let origins = reader.strings("origins", diagnostics: &diagnostics) ?? reader.strings("origin", diagnostics: &diagnostics)
            ?? reader.strings("allowedOrigins", diagnostics: &diagnostics)
        {
            cors.origins = origins
        }
        if let headers = reader.strings("headers", diagnostics: &diagnostics) ?? reader.strings("allowedHeaders", diagnostics: &diagnostics) {
            cors.headers = headers
        }
        if let methods = reader.strings("methods", diagnostics: &diagnostics) ?? reader.strings("allowedMethods", diagnostics: &diagnostics) {
            cors.methods = methods.map { $0.uppercased() }
        }
        cors.allowCredentials = reader.bool("allowCredentials", diagnostics: &diagnostics) ?? false
        cors.maxAge = reader.int("maxAge", diagnostics: &diagnostics)
        cors.cacheControl = reader.string("cacheControl", diagnostics: &diagnostics)
        cors.exposedResponseHeaders = reader.strings("exposedResponseHeaders", diagnostics: &diagnostics) ?? []
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        return cors
    }

    /// An `httpApi` event: `'*'`, `'METHOD /path'`, or a mapping with method, path and authorizer.
    mutating func decodeHTTPAPIEvent(_ node: YAMLNode, functionKey: String) -> HTTPAPIEvent? {
        let context = "the httpApi event of function '\(functionKey)'"
        if let text = node.scalarText, !node.isNull {
            if text == "*" { return HTTPAPIEvent(method: "*", path: "*", authorizer: nil, mark: node.mark) }
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else {
                diagnostics.error("\(context) must be '*', 'METHOD /path' or a mapping, not '\(text)'", at: node.mark)
                return nil
            }
            return HTTPAPIEvent(method: httpAPIMethod(String(parts[0]), at: node.mark), path: String(parts[1]), authorizer: nil, mark: node.mark)
        }
        guard var reader = MappingReader(node, context: context, diagnostics: &diagnostics) else { return nil }
        let method = reader.string("method", diagnostics: &diagnostics) ?? "*"
        let path = reader.requiredString("path", diagnostics: &diagnostics)
        var authorizer: HTTPAPIEvent.RouteAuthorizer?
        if let given = reader.value("authorizer"), !given.isNull, given.tag == nil, let name = given.scalarText {
            // The framework's short form: the authorizer's name alone.
            authorizer = name.lowercased() == "aws_iam" ? .awsIAM : .named(name, scopes: [])
        } else if let authNode = reader.value("authorizer"),
            var auth = MappingReader(authNode, context: "the authorizer of \(context)", diagnostics: &diagnostics)
        {
            let scopes = auth.strings("scopes", diagnostics: &diagnostics) ?? []
            if let id = auth.value("id") {
                authorizer = .existing(id: CFValue(id, scope: scope, diagnostics: &diagnostics))
            } else if auth.string("type", diagnostics: &diagnostics)?.lowercased() == "aws_iam" {
                authorizer = .awsIAM
            } else if let name = auth.requiredString("name", diagnostics: &diagnostics) {
                authorizer = .named(name, scopes: scopes)
            }
            auth.warnAboutUnknownKeys(diagnostics: &diagnostics)
        }
        reader.refuseMisspelling(of: "authorizer", consequence: "the route is public", diagnostics: &diagnostics)
        reader.warnAboutUnknownKeys(diagnostics: &diagnostics)
        guard let path else { return nil }
        return HTTPAPIEvent(method: httpAPIMethod(method, at: node["method"]?.mark ?? node.mark), path: path, authorizer: authorizer, mark: node.mark)
    }

    private mutating func httpAPIMethod(_ text: String, at mark: Mark) -> String {
        if text == "*" { return "*" }
        guard let method = HTTPEvent.Method(rawValue: text.lowercased()), method != .any else {
            diagnostics.error(
                "unknown HTTP method '\(text)' for an httpApi route; expected GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or *",
                at: mark
            )
            return text
        }
        return method.rawValue.uppercased()
    }

    /// The path with parameter names blanked (`/a/{id}` → `/a/{}`): API Gateway cannot tell such paths apart.
    static func pathShape(_ path: String) -> String {
        var shape = ""
        var inParameter = false
        for character in path {
            if character == "}" { inParameter = false }
            if !inParameter { shape.append(character) }
            if character == "{" { inParameter = true }
        }
        return shape
    }

    /// Two events that claim the same method and path are an error, as CloudFormation would refuse them.
    mutating func checkRoutesAreUnique(_ service: ServerlessService) {
        var seen: [String: Route] = [:]
        for route in service.routes {
            let key = "\(route.api) \(route.method) " + Self.pathShape(route.path)
            if let first = seen[key] {
                diagnostics.error(
                    "route \(route.method) \(route.path) conflicts with \(first.method) \(first.path) of function '\(first.functionKey)' at line \(first.mark.line), column \(first.mark.column)",
                    at: route.mark
                )
            } else {
                seen[key] = route
            }
        }
    }
}
