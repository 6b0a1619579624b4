import EmulatorCore
import EmulatorCrypto
import Foundation
public import LambdaEmulator
public import Logging
import NIOConcurrencyHelpers

/// Lambda's own API, as much of it as a service's callers use: `Invoke` (RequestResponse, Event,
/// DryRun, log tails, client context), `GetFunction`, `GetFunctionConfiguration` and `ListFunctions`,
/// in the REST-JSON shapes and error answers boto3 and the AWS CLI read.
/// See https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
public struct LambdaInvokeAPI: Sendable {
    /// One HTTP answer.
    public struct Answer: Sendable {
        /// The status.
        public var status: Int
        /// The headers.
        public var headers: [(String, String)]
        /// The body.
        public var body: [UInt8]
    }

    /// The largest synchronous request: 6 MB.
    public static let syncPayloadLimit = 6_291_456
    /// The largest asynchronous (`Event`) request: 1 MB.
    public static let asyncPayloadLimit = 1_048_576

    let functions: [LambdaFunction]
    let reservedConcurrency: [String: Int]
    let invoker: LambdaInvoker
    let region: String
    let accountID: String
    let background: BackgroundInvocations
    let logger: Logger

    /// The API for `functions`.
    /// - Parameters:
    ///   - reservedConcurrency: Functions' `reservedConcurrency` by key (it names the throttling reason).
    ///   - background: Where `Event` invocations run, so shutdown can wait for them.
    public init(
        functions: [LambdaFunction],
        reservedConcurrency: [String: Int],
        invoker: LambdaInvoker,
        region: String,
        accountID: String,
        background: BackgroundInvocations,
        logger: Logger
    ) {
        self.functions = functions.sorted { $0.name < $1.name }
        self.reservedConcurrency = reservedConcurrency
        self.invoker = invoker
        self.region = region
        self.accountID = accountID
        self.background = background
        self.logger = logger
    }

    /// Answers one request. `path` is without the query; `query` holds its decoded parameters.
    /// - Parameter caller: Who signed it, when the emulator issued the key (their IAM policy must allow
    ///   the operation, as Lambda's does); nil for an unsigned request or a key it did not issue.
    public func respond(
        method: String,
        path: String,
        query: [String: String],
        headers: [String: String],
        body: [UInt8],
        caller: IAMCaller? = nil
    ) async -> Answer {
        let requestID = SecureRandom.uuidString()
        let prefix = "/2015-03-31/functions"
        guard path == prefix || path.hasPrefix(prefix + "/") else {
            return error(404, "UnknownOperationException", "Unknown operation \(method) \(path)", requestID: requestID)
        }
        let rest = path.dropFirst(prefix.count).split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        let qualifier = query["Qualifier"]
        let operation: Operation
        switch (method, rest.count, rest.last) {
        case ("GET", 0, _): operation = .listFunctions
        case ("GET", 1, _): operation = .getFunction
        case ("GET", 2, "configuration"): operation = .getFunctionConfiguration
        case ("POST", 2, "invocations"): operation = .invoke
        default:
            return error(404, "UnknownOperationException", "Unknown operation \(method) \(path)", requestID: requestID)
        }
        if operation == .listFunctions {
            if let denied = authorize(caller, operation, on: "*", requestID: requestID) { return denied }
            return listFunctions(query, requestID: requestID)
        }
        // The function is looked up once; IAM is asked first, on the ARN the name spells when there is
        // no such function, as on AWS.
        let found = find(rest[0], qualifier: qualifier)
        let arn = (try? found.get())?.arn ?? Self.spelledARN(rest[0], region: region, accountID: accountID)
        if let denied = authorize(caller, operation, on: arn, requestID: requestID) { return denied }
        switch operation {
        case .invoke: return await invoke(found, headers: headers, body: body, requestID: requestID)
        default: return getFunction(found, requestID: requestID, full: operation == .getFunction)
        }
    }

    /// IAM's refusal of `operation` on `resource` for a signed caller, nil when allowed (or unchecked).
    private func authorize(_ caller: IAMCaller?, _ operation: Operation, on resource: String, requestID: String) -> Answer? {
        guard let caller, case .failure(let denial) = caller.authorize(operation.rawValue, on: resource) else { return nil }
        return error(403, "AccessDeniedException", denial.message, requestID: requestID)
    }

    /// The operations served, by the IAM action each needs.
    private enum Operation: String {
        case listFunctions = "lambda:ListFunctions"
        case getFunction = "lambda:GetFunction"
        case getFunctionConfiguration = "lambda:GetFunctionConfiguration"
        case invoke = "lambda:InvokeFunction"
    }

    /// The ARN a `FunctionName` that names no function spells: itself when it is one, else the name's.
    private static func spelledARN(_ name: String, region: String, accountID: String) -> String {
        name.hasPrefix("arn:") ? name : ARN.lambdaFunction(name, region: region, account: accountID).description
    }

    // MARK: Invoke

    private func invoke(_ found: Result<LambdaFunction, Refusal>, headers: [String: String], body: [UInt8], requestID: String) async -> Answer {
        let function: LambdaFunction
        switch found {
        case .success(let found): function = found
        case .failure(let refusal): return refusal.answer
        }
        let type = headers["x-amz-invocation-type"] ?? "RequestResponse"
        guard ["RequestResponse", "Event", "DryRun"].contains(type) else {
            return error(
                400,
                "ValidationException",
                "1 validation error detected: Value '\(type)' at 'invocationType' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [Event, RequestResponse, DryRun]",
                requestID: requestID
            )
        }
        let limit = type == "Event" ? Self.asyncPayloadLimit : Self.syncPayloadLimit
        if body.count > limit {
            return error(
                413,
                "RequestEntityTooLargeException",
                "\(body.count) byte payload is too large for the \(type) invocation type (limit \(limit) bytes)",
                requestID: requestID
            )
        }
        let payload = body.isEmpty ? Array("{}".utf8) : body
        if JSONValue.parse(payload, duplicateKeys: .keepAll) == nil {
            return error(
                400,
                "InvalidRequestContentException",
                "Could not parse request body into json: Could not parse payload into json: the payload is not valid JSON",
                requestID: requestID
            )
        }
        var request = InvocationRequest(requestID: requestID)
        if let encoded = headers["x-amz-client-context"] {
            guard encoded.utf8.count <= 3583, let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
                JSONValue.parse(Array(data)) != nil
            else {
                return error(
                    400,
                    "InvalidRequestContentException",
                    "Client context must be a valid Base64-encoded JSON object.",
                    requestID: requestID
                )
            }
            request.clientContext = text
        }
        switch type {
        case "DryRun":
            return Answer(status: 204, headers: [("x-amzn-RequestId", requestID)], body: [])
        case "Event":
            let invoker = self.invoker
            let event = request
            background.run { _ = await invoker.invoke(function, json: payload, request: event) }
            return Answer(status: 202, headers: [("x-amzn-RequestId", requestID)], body: [])
        default:
            let tail = headers["x-amz-log-type"] == "Tail" ? InvocationLog() : nil
            request.log = tail
            let result = await invoker.invoke(function, json: payload, request: request)
            var answerHeaders = [("x-amzn-RequestId", requestID), ("X-Amz-Executed-Version", "$LATEST"), ("Content-Type", "application/json")]
            if let tail { answerHeaders.append(("X-Amz-Log-Result", Data(tail.tail(4096)).base64EncodedString())) }
            switch result {
            case .success(let bytes):
                return Answer(status: 200, headers: answerHeaders, body: bytes)
            case .failure(let failure) where failure.kind == .throttled:
                let reason =
                    reservedConcurrency[function.key] != nil
                    ? "ReservedFunctionConcurrentInvocationLimitExceeded" : "ConcurrentInvocationLimitExceeded"
                let document = JSONValue.object([
                    .init("Reason", .string(reason)), .init("Type", .string("User")), .init("message", .string("Rate Exceeded.")),
                ])
                return Answer(
                    status: 429,
                    headers: [
                        ("x-amzn-RequestId", requestID), ("x-amzn-ErrorType", "TooManyRequestsException"), ("Content-Type", "application/json"),
                    ],
                    body: Array(document.serialized.utf8)
                )
            case .failure(let failure):
                answerHeaders.append(("X-Amz-Function-Error", "Unhandled"))
                return Answer(status: 200, headers: answerHeaders, body: failure.payload)
            }
        }
    }

    // MARK: Names and answers

    /// The function a `FunctionName` (name, `name:qualifier`, full or partial ARN) and `Qualifier` name.
    func find(_ name: String, qualifier: String?) -> Result<LambdaFunction, Refusal> {
        var parts = name.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "arn" {
            guard parts.count >= 7, parts[2] == "lambda", parts[5] == "function" else { return .failure(Refusal(answer: notFound(name, qualifier))) }
            parts = Array(parts[6...])
        } else if parts.count >= 3, parts[1] == "function" {
            parts = Array(parts[2...])
        }
        guard let functionName = parts.first, parts.count <= 2 else { return .failure(Refusal(answer: notFound(name, qualifier))) }
        let version = parts.count == 2 ? parts[1] : qualifier
        guard let function = functions.first(where: { $0.name == functionName }), version == nil || version == "$LATEST" else {
            return .failure(Refusal(answer: notFound(functionName, version)))
        }
        return .success(function)
    }

    private func notFound(_ name: String, _ qualifier: String?) -> Answer {
        let arn = ARN.lambdaFunction(name, region: region, account: accountID).description + (qualifier.map { ":\($0)" } ?? "")
        let document = JSONValue.object([.init("Type", .string("User")), .init("Message", .string("Function not found: \(arn)"))])
        return Answer(
            status: 404,
            headers: [
                ("x-amzn-RequestId", SecureRandom.uuidString()), ("x-amzn-ErrorType", "ResourceNotFoundException"),
                ("Content-Type", "application/json"),
            ],
            body: Array(document.serialized.utf8)
        )
    }

    private func error(_ status: Int, _ type: String, _ message: String, requestID: String) -> Answer {
        let document = JSONValue.object([.init("Type", .string("User")), .init("message", .string(message))])
        return Answer(
            status: status,
            headers: [("x-amzn-RequestId", requestID), ("x-amzn-ErrorType", type), ("Content-Type", "application/json")],
            body: Array(document.serialized.utf8)
        )
    }

    func json(_ document: JSONValue, requestID: String) -> Answer {
        Answer(status: 200, headers: [("x-amzn-RequestId", requestID), ("Content-Type", "application/json")], body: Array(document.serialized.utf8))
    }
}
