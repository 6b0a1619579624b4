public import ServerlessConfig

/// The REST API's resources as API Gateway matches them: segment by segment, a static segment before
/// a `{parameter}`, a greedy `{proxy+}` last; then the method, with `ANY` as the fallback.
public struct RouteTable: Sendable {
    /// One endpoint: a method on a resource, with its function and settings.
    public typealias Endpoint = GatewayEndpoint

    /// A request matched to an endpoint.
    public struct Match: Sendable {
        /// The endpoint.
        public var endpoint: Endpoint
        /// The path parameters, percent-decoded.
        public var pathParameters: [String: String]
        /// How the gateway runs the endpoint (nil in a table built from endpoints alone).
        var chain: EndpointChain?
    }

    /// What a resource answers.
    public enum Lookup: Sendable {
        /// An endpoint for the method.
        case endpoint(Match)
        /// The resource exists and has CORS, and this is a preflight (OPTIONS without its own endpoint).
        case preflight(CORSConfiguration, methods: [String])
        /// No resource, or no such method on it.
        case notFound
    }

    private final class Node: @unchecked Sendable {
        var statics: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var greedy: (name: String, node: Node)?
        var endpoints: [String: Endpoint] = [:]
        var chains: [String: EndpointChain] = [:]
    }

    private let root = Node()
    /// Whether the table has no endpoint.
    public private(set) var isEmpty = true

    /// Builds the table from the endpoints.
    public init(endpoints: [Endpoint]) {
        for endpoint in endpoints { insert(endpoint, chain: nil) }
    }

    /// Builds the table from the endpoints' chains.
    init(chains: [EndpointChain]) {
        for chain in chains { insert(chain.endpoint, chain: chain) }
    }

    private mutating func insert(_ endpoint: Endpoint, chain: EndpointChain?) {
        isEmpty = false
        var node = root
        for segment in endpoint.resource.split(separator: "/") {
            if segment.hasPrefix("{"), segment.hasSuffix("+}") {
                let name = String(segment.dropFirst().dropLast(2))
                if node.greedy == nil { node.greedy = (name, Node()) }
                node = node.greedy!.node
            } else if segment.hasPrefix("{"), segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                if node.parameter == nil { node.parameter = (name, Node()) }
                node = node.parameter!.node
            } else {
                let key = String(segment)
                if node.statics[key] == nil { node.statics[key] = Node() }
                node = node.statics[key]!
            }
        }
        node.endpoints[endpoint.method] = endpoint
        if let chain { node.chains[endpoint.method] = chain }
    }

    /// Finds what `method` on `path` (without the stage, percent-encoded as received) reaches.
    public func lookup(method: String, path: String) -> Lookup {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var parameters: [String: String] = [:]
        guard let node = find(root, segments[...], &parameters) else { return .notFound }
        if let endpoint = node.endpoints[method] ?? node.endpoints["ANY"].flatMap({ method == "OPTIONS" && Self.cors(of: node) != nil ? nil : $0 }) {
            return .endpoint(Match(endpoint: endpoint, pathParameters: parameters, chain: node.chains[endpoint.method]))
        }
        if method == "OPTIONS", let cors = Self.cors(of: node) {
            return .preflight(cors, methods: node.endpoints.keys.sorted())
        }
        return .notFound
    }

    private static func cors(of node: Node) -> CORSConfiguration? {
        node.endpoints.values.lazy.compactMap(\.cors).first
    }

    private func find(_ node: Node, _ segments: ArraySlice<String>, _ parameters: inout [String: String]) -> Node? {
        guard let segment = segments.first else { return node.endpoints.isEmpty ? nil : node }
        let rest = segments.dropFirst()
        let decoded = segment.removingPercentEncodingOrSelf
        if let child = node.statics[decoded] ?? node.statics[segment], let found = find(child, rest, &parameters) { return found }
        if let (name, child) = node.parameter {
            var attempt = parameters
            attempt[name] = decoded
            if let found = find(child, rest, &attempt) {
                parameters = attempt
                return found
            }
        }
        if let (name, child) = node.greedy, !child.endpoints.isEmpty {
            parameters[name] = segments.map(\.removingPercentEncodingOrSelf).joined(separator: "/")
            return child
        }
        return nil
    }
}

extension String {
    /// The text with `%XX` escapes decoded (left as it is when they do not form UTF-8).
    var removingPercentEncodingOrSelf: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
