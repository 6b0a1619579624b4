import Foundation
import ServerlessConfig

extension APIGateway {
    /// The event `functionKey`'s first route of `api` delivers for a request with `body` (JSON) and no
    /// credentials — no API key or authorizer runs —, path parameters named after themselves
    /// (`/items/{id}` is asked as `/items/id`): what `emulate invoke F --event http` sends. Nil when the
    /// function has no route of that API.
    public func sampleEvent(functionKey: String, api: GatewayAPI, body: [UInt8] = []) -> [UInt8]? {
        guard let chain = chains.first(where: { $0.endpoint.functionKey == functionKey && $0.endpoint.api == api }) else { return nil }
        let endpoint = chain.endpoint
        var segments: [String] = []
        var parameters: [String: String] = [:]
        for segment in endpoint.resource.split(separator: "/") {
            if segment.hasPrefix("{"), segment.hasSuffix("+}") {
                let name = String(segment.dropFirst().dropLast(2))
                parameters[name] = "\(name)/path"
                segments.append("\(name)/path")
            } else if segment.hasPrefix("{"), segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                parameters[name] = name
                segments.append(name)
            } else if segment != "*" {
                segments.append(String(segment))
            }
        }
        let path = "/" + segments.joined(separator: "/")
        var headers: [(name: String, value: String)] = [("Host", "localhost"), ("User-Agent", "emulate invoke"), ("Accept", "*/*")]
        if !body.isEmpty { headers.append(("Content-Type", "application/json")) }
        let request = GatewayRequest(
            method: endpoint.method == "ANY" ? (body.isEmpty ? "GET" : "POST") : endpoint.method,
            path: paths.urlPath(path, api: api == .rest ? .rest : .http),
            headers: headers,
            body: body
        )
        let match = RouteTable.Match(endpoint: endpoint, pathParameters: parameters, chain: chain)
        let call = chain.integration.call(request, path: path, match: match, requestID: UUID().uuidString.lowercased())
        guard let event = chain.integration.event(call, grant: .none) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(event)).map(Array.init)
    }
}
