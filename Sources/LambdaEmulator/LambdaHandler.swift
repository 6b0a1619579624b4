#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Lambda function written in Swift: an event in, a result out.
public protocol LambdaHandler: Sendable {
    /// The event type (for example `APIGatewayProxyRequest`).
    associatedtype Event: Codable & Sendable
    /// The result type (for example `APIGatewayProxyResponse`).
    associatedtype Output: Codable & Sendable

    /// Handles one invocation.
    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}

/// A handler from a closure.
public struct ClosureHandler<Event: Codable & Sendable, Output: Codable & Sendable>: LambdaHandler {
    let body: @Sendable (Event, LambdaContext) async throws -> Output

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output) {
        self.body = body
    }

    /// Calls the closure.
    public func handle(_ event: Event, context: LambdaContext) async throws -> Output {
        try await body(event, context)
    }
}

/// A registered handler with its types erased: called with a Swift value when the caller already
/// has the handler's event type (no JSON), or with JSON otherwise.
public struct AnyLambdaHandler: Sendable {
    let invokeValue: @Sendable (any Sendable, LambdaContext) async throws -> any Sendable
    let invokeJSON: @Sendable ([UInt8], LambdaContext) async throws -> [UInt8]
    /// The event type's name, for messages.
    public let eventTypeName: String

    init<Handler: LambdaHandler>(_ handler: Handler) {
        eventTypeName = String(describing: Handler.Event.self)
        invokeJSON = { bytes, context in
            let event = try JSONDecoder().decode(Handler.Event.self, from: Data(bytes))
            return Array(try JSONEncoder().encode(try await handler.handle(event, context: context)))
        }
        invokeValue = { value, context in
            if let event = value as? Handler.Event {
                return try await handler.handle(event, context: context)
            }
            guard let encodable = value as? any Encodable else { throw HandlerError.unsupportedEvent(String(describing: type(of: value))) }
            let event = try JSONDecoder().decode(Handler.Event.self, from: try JSONEncoder().encode(encodable))
            return try await handler.handle(event, context: context)
        }
    }

    /// Invokes with a Swift value (converted through JSON only when its type differs from the handler's).
    public func invoke(_ event: any Sendable, context: LambdaContext) async throws -> any Sendable {
        try await invokeValue(event, context)
    }

    /// Invokes with a JSON event and returns the JSON result.
    public func invoke(json: [UInt8], context: LambdaContext) async throws -> [UInt8] {
        try await invokeJSON(json, context)
    }
}

/// A handler could not be called with the event it was given.
public struct HandlerError: Error, Sendable, CustomStringConvertible {
    /// The type of the event that was given.
    public let eventType: String

    /// The event is neither the handler's type nor encodable.
    static func unsupportedEvent(_ type: String) -> Self { Self(eventType: type) }

    /// What went wrong.
    public var description: String { "the handler cannot take an event of type \(eventType)" }
}
