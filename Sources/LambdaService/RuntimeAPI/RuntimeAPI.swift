import EmulatorCore
import Foundation
import LambdaEmulator
import Logging
import NIOHTTP1

/// Lambda's Runtime API (`2018-06-01`) for one instance: `next`, an invocation's `response` and `error`,
/// and `init/error`, with the headers and answers AWS's runtimes rely on.
/// See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
struct RuntimeAPI: Sendable {
    /// Lambda's limit on a synchronous response: 6 MB.
    static let responseLimit = 6_291_556
    static let prefix = "/2018-06-01/runtime/"

    let instance: FunctionInstance
    let launch: FunctionLaunch
    let logger: Logger

    /// Answers `request` through `reply`: at once (on the listener's event loop) for every operation but
    /// `next`, which is answered when an invocation is handed to this instance.
    func respond(_ request: RuntimeAPIRequest, reply: @escaping @Sendable (RuntimeAPIResponse) -> Void) {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        guard path.hasPrefix(Self.prefix) else { return reply(Self.error(.notFound, "NotFound", "unknown path \(path)")) }
        let parts = path.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (request.method, parts.count, parts.first, parts.last) {
        case (.GET, 2, "invocation", "next"): next(reply)
        case (.POST, 3, "invocation", "response"): reply(response(parts[1], request))
        case (.POST, 3, "invocation", "error"): reply(reportedError(parts[1], request))
        case (.POST, 2, "init", "error"): reply(initError(request))
        default: reply(Self.error(.notFound, "NotFound", "no such Runtime API operation: \(request.method) \(path)"))
        }
    }

    /// The same, awaited (for tests).
    func respond(_ request: RuntimeAPIRequest) async -> RuntimeAPIResponse {
        await withCheckedContinuation { continuation in respond(request) { continuation.resume(returning: $0) } }
    }

    private func next(_ reply: @escaping @Sendable (RuntimeAPIResponse) -> Void) {
        let instance = self.instance
        let arn = launch.arn
        instance.next { assignment in
            guard let assignment else {
                // The instance is gone (the emulator is stopping, or it timed out): its process is being killed.
                return reply(Self.error(.internalServerError, "Runtime.Unavailable", "this execution environment is shutting down"))
            }
            reply(Self.nextAnswer(assignment, arn: arn, instance: instance))
        }
    }

    private static func nextAnswer(_ assignment: FunctionInstance.Assignment, arn: String, instance: FunctionInstance) -> RuntimeAPIResponse {
        var headers: [(String, String)] = [
            ("Content-Type", "application/json"),
            ("Lambda-Runtime-Aws-Request-Id", assignment.request.requestID),
            ("Lambda-Runtime-Deadline-Ms", String(assignment.deadlineMs)),
            ("Lambda-Runtime-Invoked-Function-Arn", arn),
            ("Lambda-Runtime-Trace-Id", assignment.traceID),
        ]
        if let context = assignment.request.clientContext { headers.append(("Lambda-Runtime-Client-Context", context)) }
        if let identity = assignment.request.cognitoIdentity { headers.append(("Lambda-Runtime-Cognito-Identity", identity)) }
        let id = assignment.request.requestID
        return RuntimeAPIResponse(status: .ok, headers: headers, body: assignment.payload) { written in
            if !written { instance.redeliver(id) }
        }
    }

    private func response(_ id: String, _ request: RuntimeAPIRequest) -> RuntimeAPIResponse {
        guard instance.isOutstanding(id) else { return invalid(id) }
        if request.bodyTooLarge {
            _ = instance.answer(id, .failure(Self.tooLarge(id, size: request.bodyLength)))
            return Self.error(
                .payloadTooLarge,
                "RequestEntityTooLarge",
                "Exceeded maximum allowed payload size (\(Self.responseLimit) bytes)."
            )
        }
        let completion: FunctionInstance.Completion
        if let trailerType = request.trailers?.first(name: "Lambda-Runtime-Function-Error-Type") {
            // A streamed response that failed part-way: the error rides in the trailers.
            let body = request.trailers?.first(name: "Lambda-Runtime-Function-Error-Body").flatMap { Data(base64Encoded: $0) }.map(Array.init)
            completion = .failure(Self.failure(id, document: body, typeHeader: trailerType))
        } else if request.headers.first(name: "Lambda-Runtime-Function-Response-Mode")?.lowercased() == "streaming",
            request.headers.first(name: "Content-Type") == StreamedHTTPResponse.contentType
        {
            completion = StreamedHTTPResponse.read(request.body).map { .success($0) } ?? .failure(Self.malformedStream(id))
        } else {
            completion = .success(request.body)
        }
        guard instance.answer(id, completion) else { return invalid(id) }
        return Self.accepted
    }

    private func reportedError(_ id: String, _ request: RuntimeAPIRequest) -> RuntimeAPIResponse {
        guard instance.isOutstanding(id) else { return invalid(id) }
        let failure = Self.failure(id, document: request.body, typeHeader: request.headers.first(name: "Lambda-Runtime-Function-Error-Type"))
        guard instance.answer(id, .failure(failure)) else { return invalid(id) }
        return Self.accepted
    }

    /// The runtime could not start (its handler does not import, say): every invocation it holds fails
    /// with the error it reported, and the instance is given up (its process is killed).
    private func initError(_ request: RuntimeAPIRequest) -> RuntimeAPIResponse {
        let type = request.headers.first(name: "Lambda-Runtime-Function-Error-Type")
        logger.error("INIT_REPORT Status: error\tError Type: \(type ?? "Runtime.Unknown")")
        instance.died(nil) { id in Self.failure(id, document: request.body, typeHeader: type ?? "Runtime.Unknown") }
        instance.process?.kill(SIGKILL)
        return Self.accepted
    }

    /// A failure from an error document the runtime posted (`{"errorMessage","errorType","stackTrace"}`).
    static func failure(_ id: String, document: [UInt8]?, typeHeader: String?) -> InvocationFailure {
        let parsed = document.flatMap { JSONValue.parse($0) }
        let type = parsed?["errorType"]?.stringValue ?? typeHeader ?? "Unhandled"
        let message = parsed?["errorMessage"]?.stringValue ?? document.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return InvocationFailure(.handlerError, requestID: id, errorType: type, errorMessage: message, document: parsed == nil ? nil : document)
    }

    static func tooLarge(_ id: String, size: Int) -> InvocationFailure {
        InvocationFailure(
            .handlerError,
            requestID: id,
            errorType: "Function.ResponseSizeTooLarge",
            errorMessage: "Response payload size (\(size) bytes) exceeded maximum allowed payload size (\(responseLimit) bytes)."
        )
    }

    private static func malformedStream(_ id: String) -> InvocationFailure {
        InvocationFailure(
            .handlerError,
            requestID: id,
            errorType: "Runtime.InvalidResponse",
            errorMessage: "the streamed HTTP integration response has no prelude (8 NUL bytes after its JSON)"
        )
    }

    private static let accepted = RuntimeAPIResponse(
        status: .accepted,
        headers: [("Content-Type", "application/json")],
        body: Array(#"{"status":"OK"}"#.utf8)
    )

    /// An answer for an ID the instance does not hold: 403 if it was answered already, else 400 (as the RIE).
    private func invalid(_ id: String) -> RuntimeAPIResponse {
        if instance.wasAnswered(id) {
            logger.warning("\(id) the runtime answered an invocation a second time; the answer is refused")
            return Self.error(
                .forbidden,
                "InvalidStateTransition",
                "State transition from Ready to InvocationResponse failed for runtime. Error: Invalid state transition"
            )
        }
        logger.warning("the runtime answered an unknown request ID \(id)")
        return Self.error(.badRequest, "InvalidRequestID", "Invalid request ID")
    }

    static func error(_ status: HTTPResponseStatus, _ type: String, _ message: String) -> RuntimeAPIResponse {
        let body = JSONValue.object([.init("errorMessage", .string(message)), .init("errorType", .string(type))]).serialized
        return RuntimeAPIResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
    }
}

/// A response streamed with Lambda's HTTP integration prelude: a JSON object (`statusCode`, `headers`,
/// `cookies`), eight NUL bytes, then the body. Read back into the proxy response an API expects.
enum StreamedHTTPResponse {
    static let contentType = "application/vnd.awslambda.http-integration-response"

    static func read(_ bytes: [UInt8]) -> [UInt8]? {
        let separator = [UInt8](repeating: 0, count: 8)
        guard let split = (0...max(0, bytes.count - 8)).first(where: { bytes.count >= 8 && Array(bytes[$0..<$0 + 8]) == separator }),
            case .object(var members)? = JSONValue.parse(Array(bytes[..<split]))
        else { return nil }
        let body = Array(bytes[(split + 8)...])
        if let text = String(validating: body, as: UTF8.self) {
            members.append(.init("body", .string(text)))
            members.append(.init("isBase64Encoded", .bool(false)))
        } else {
            members.append(.init("body", .string(Data(body).base64EncodedString())))
            members.append(.init("isBase64Encoded", .bool(true)))
        }
        return Array(JSONValue.object(members).serialized.utf8)
    }
}
