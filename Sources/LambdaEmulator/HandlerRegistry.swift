/// Swift handlers by their serverless.yml handler string (`user/signup.handler`).
///
/// ```swift
/// var handlers = HandlerRegistry()
/// handlers.register("user/private.handler") { (event: APIGatewayProxyRequest, context) in
///     APIGatewayProxyResponse(statusCode: 200, body: "hello")
/// }
/// ```
public struct HandlerRegistry: Sendable {
    private var handlers: [String: AnyLambdaHandler] = [:]

    /// An empty registry.
    public init() {}

    /// Registers a closure from any Codable event to any Codable result.
    public mutating func register<Event: Codable & Sendable, Output: Codable & Sendable>(
        _ name: String,
        _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output
    ) {
        handlers[name] = AnyLambdaHandler(ClosureHandler(body))
    }

    /// Registers a handler type.
    public mutating func register<Handler: LambdaHandler>(_ name: String, handler: Handler) {
        handlers[name] = AnyLambdaHandler(handler)
    }

    /// Adds every handler of `other` (its entries win).
    public mutating func merge(_ other: HandlerRegistry) {
        handlers.merge(other.handlers) { _, new in new }
    }

    /// The handler registered under `name`.
    public subscript(name: String) -> AnyLambdaHandler? { handlers[name] }

    /// The registered names, sorted.
    public var names: [String] { handlers.keys.sorted() }
}
