import EmulatorCore
import Foundation
import LambdaEmulator
import Logging
import NIOHTTP1
import Testing

@testable import LambdaService

@Suite("the Runtime API as AWS's runtimes speak it")
struct RuntimeAPITests {
    static let launch = FunctionLaunch(
        key: "fn",
        arn: "arn:aws:lambda:us-east-1:000000000000:function:s-dev-fn",
        timeout: 3,
        arguments: ["/bin/true"],
        directory: "/",
        environment: [:],
        maxInstances: 1,
        perProcessConcurrency: 1
    )

    static func request(_ method: HTTPMethod, _ path: String, body: String = "", headers: [(String, String)] = []) -> RuntimeAPIRequest {
        RuntimeAPIRequest(
            method: method,
            path: "/2018-06-01/runtime/" + path,
            headers: HTTPHeaders(headers),
            body: Array(body.utf8),
            bodyTooLarge: false,
            bodyLength: body.utf8.count,
            trailers: nil
        )
    }

    static func assignment(_ id: String, _ payload: String = #"{"a":1}"#) -> FunctionInstance.Assignment {
        FunctionInstance.Assignment(
            request: InvocationRequest(requestID: id, clientContext: #"{"custom":{"k":"v"}}"#),
            payload: Array(payload.utf8),
            deadlineMs: 1_900_000_000_000,
            traceID: "Root=1-0-0;Parent=0;Sampled=0"
        )
    }

    static func header(_ response: RuntimeAPIResponse, _ name: String) -> String? {
        response.headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    @Test("next carries the headers swift-aws-lambda-runtime and awslambdaric require; one answer per request ID")
    func nextAndAnswers() async throws {
        let instance = FunctionInstance(function: Self.launch, capacity: 1)
        let api = RuntimeAPI(instance: instance, launch: Self.launch, logger: Logger(label: "test"))
        let running = Task { await instance.run(Self.assignment("req-1")) }
        let next = await api.respond(Self.request(.GET, "invocation/next"))
        #expect(next.status == .ok && String(decoding: next.body, as: UTF8.self) == #"{"a":1}"#)
        #expect(Self.header(next, "Content-Type") == "application/json")
        #expect(Self.header(next, "Lambda-Runtime-Aws-Request-Id") == "req-1")
        #expect(Self.header(next, "Lambda-Runtime-Deadline-Ms") == "1900000000000")
        #expect(Self.header(next, "Lambda-Runtime-Invoked-Function-Arn") == Self.launch.arn)
        #expect(Self.header(next, "Lambda-Runtime-Trace-Id") != nil)
        #expect(Self.header(next, "Lambda-Runtime-Client-Context") == #"{"custom":{"k":"v"}}"#)
        let unknown = await api.respond(Self.request(.POST, "invocation/nope/response", body: "{}"))
        #expect(unknown.status == .badRequest && String(decoding: unknown.body, as: UTF8.self).contains("InvalidRequestID"))
        let accepted = await api.respond(Self.request(.POST, "invocation/req-1/response", body: #"{"ok":true}"#))
        #expect(accepted.status == .accepted && String(decoding: accepted.body, as: UTF8.self) == #"{"status":"OK"}"#)
        let again = await api.respond(Self.request(.POST, "invocation/req-1/response", body: #"{"ok":false}"#))
        #expect(again.status == .forbidden && String(decoding: again.body, as: UTF8.self).contains("InvalidStateTransition"))
        guard case .success(let bytes) = await running.value else {
            Issue.record("expected the first answer")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"ok":true}"#)
        let garbage = await api.respond(Self.request(.POST, "no/such/thing"))
        #expect(garbage.status == .notFound)
    }

    @Test("a reported error keeps the runtime's document; an oversized answer is Function.ResponseSizeTooLarge")
    func errorsAndLimits() async throws {
        let instance = FunctionInstance(function: Self.launch, capacity: 1)
        let api = RuntimeAPI(instance: instance, launch: Self.launch, logger: Logger(label: "test"))
        let failing = Task { await instance.run(Self.assignment("req-2")) }
        _ = await api.respond(Self.request(.GET, "invocation/next"))
        let document = #"{"errorMessage":"boom","errorType":"ValueError","stackTrace":["x"]}"#
        let posted = await api.respond(
            Self.request(.POST, "invocation/req-2/error", body: document, headers: [("Lambda-Runtime-Function-Error-Type", "Unhandled")])
        )
        #expect(posted.status == .accepted)
        guard case .failure(let failure) = await failing.value else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.errorType == "ValueError" && failure.errorMessage == "boom" && failure.document == Array(document.utf8))

        let large = Task { await instance.run(Self.assignment("req-3")) }
        _ = await api.respond(Self.request(.GET, "invocation/next"))
        var oversized = Self.request(.POST, "invocation/req-3/response", body: "x")
        oversized.bodyTooLarge = true
        oversized.bodyLength = 7_000_000
        let refused = await api.respond(oversized)
        #expect(refused.status == .payloadTooLarge && String(decoding: refused.body, as: UTF8.self).contains("RequestEntityTooLarge"))
        guard case .failure(let tooLarge) = await large.value else {
            Issue.record("expected a failure")
            return
        }
        #expect(tooLarge.errorType == "Function.ResponseSizeTooLarge")
    }

    @Test("an invocation whose next answer could not be written goes to the next runtime request, not lost")
    func redelivery() async throws {
        let instance = FunctionInstance(function: Self.launch, capacity: 1)
        let api = RuntimeAPI(instance: instance, launch: Self.launch, logger: Logger(label: "test"))
        let running = Task { await instance.run(Self.assignment("req-4")) }
        let first = await api.respond(Self.request(.GET, "invocation/next"))
        first.written?(false)
        let second = await api.respond(Self.request(.GET, "invocation/next"))
        #expect(Self.header(second, "Lambda-Runtime-Aws-Request-Id") == "req-4")
        _ = await api.respond(Self.request(.POST, "invocation/req-4/response", body: "1"))
        guard case .success(let bytes) = await running.value else {
            Issue.record("expected an answer")
            return
        }
        #expect(bytes == Array("1".utf8))
    }

    @Test("a streamed HTTP integration response becomes the proxy response an API reads")
    func streamedPrelude() {
        let streamed = Array(#"{"statusCode":201,"headers":{"x-a":"b"}}"#.utf8) + [UInt8](repeating: 0, count: 8) + Array("hello".utf8)
        let read = StreamedHTTPResponse.read(streamed).flatMap { JSONValue.parse($0) }
        #expect(read?["statusCode"] == .int(201) && read?["body"] == .string("hello") && read?["isBase64Encoded"] == .bool(false))
        #expect(StreamedHTTPResponse.read(Array("no prelude".utf8)) == nil)
    }
}

@Suite("processes the emulator starts")
struct ChildProcessTests {
    @Test("a command that does not exist is an error at start, not an exit status")
    func missingCommand() {
        #expect(throws: ChildProcess.SpawnError.self) {
            try ChildProcess.start(["/no/such/program"], environment: [:], directory: "/") { _, _ in }
        }
        #expect(throws: ChildProcess.SpawnError.self) {
            try ChildProcess.start(["no-such-program-anywhere"], environment: ["PATH": "/usr/bin:/bin"], directory: "/") { _, _ in }
        }
    }

    @Test("exit statuses and signals are told apart; output arrives line by line")
    func exits() async throws {
        let lines = LockedLines()
        let exiting = try ChildProcess.start(["/bin/sh", "-c", "echo one; echo two >&2; exit 3"], environment: [:], directory: "/") {
            stream,
            line in lines.add("\(stream):\(line)")
        }
        #expect(await exiting.exited() == .status(3))
        let sleeping = try ChildProcess.start(["/bin/sleep", "30"], environment: [:], directory: "/") { _, _ in }
        sleeping.kill()
        #expect(await sleeping.exited() == .signal(SIGKILL))
        #expect(ChildProcess.Exit.signal(SIGKILL).description == "signal: killed")
        try await Task.sleep(for: .milliseconds(100))
        #expect(Set(lines.all) == ["stdout:one", "stderr:two"])
    }

    @Test("a process that ignores SIGTERM is killed after the grace period")
    func stubborn() async throws {
        let process = try ChildProcess.start(["/bin/sh", "-c", "trap '' TERM; sleep 30"], environment: [:], directory: "/") { _, _ in }
        try await Task.sleep(for: .milliseconds(100))
        await process.stop(grace: 0.3)
        #expect(process.exitStatus == .signal(SIGKILL))
    }
}

private final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
