import EmulatorCore
import Foundation
import LambdaEmulator

extension ConsoleActivity.Record {
    /// One row of the requests panel.
    var summary: JSONValue {
        let failure = invocations.lazy.compactMap { invocation -> InvocationFailure? in
            if case .failure(let failure) = invocation.result { return failure }
            return nil
        }.first
        return .object([
            .init("requestID", .string(requestID)),
            .init("sequence", .int(sequence)),
            .init("time", .string(Self.timestamp(time))),
            .init("kind", .string(method == nil ? "invocation" : "request")),
            .init("method", method.map(JSONValue.string) ?? .null),
            .init("path", path.map(JSONValue.string) ?? .null),
            .init("route", route.map(JSONValue.string) ?? .null),
            .init("function", invocations.last.map { .string($0.functionKey) } ?? .null),
            .init("status", status.map(JSONValue.int) ?? .null),
            .init("milliseconds", milliseconds.map { .double(($0 * 10).rounded() / 10) } ?? .null),
            .init("error", failure.map { .string($0.errorType ?? $0.kind.description) } ?? .null),
            .init("outOfProcess", .bool(invocations.contains(where: \.outOfProcess))),
        ])
    }

    /// Everything the console shows of it: the summary, each invocation's event and answer, the response
    /// and the log lines, secrets masked.
    var detail: JSONValue {
        guard case .object(var members) = summary else { return summary }
        members.append(
            .init(
                "invocations",
                .array(
                    invocations.map { invocation in
                        let answer: JSONValue
                        var error: JSONValue = .null
                        switch invocation.result {
                        case .success(let payload): answer = .string(ConsoleRedaction.redact(String(payload.text.prefix(256 * 1024))))
                        case .failure(let failure):
                            answer = .string(String(decoding: failure.payload, as: UTF8.self))
                            error = .string(failure.description)
                        }
                        return .object([
                            .init("function", .string(invocation.functionKey)),
                            .init("milliseconds", .double((invocation.milliseconds * 10).rounded() / 10)),
                            .init("outOfProcess", .bool(invocation.outOfProcess)),
                            .init("event", .string(ConsoleRedaction.redact(String(invocation.event.text.prefix(256 * 1024))))),
                            .init("answer", answer),
                            .init("error", error),
                        ])
                    }
                )
            )
        )
        members.append(
            .init("response", response.map { .string(ConsoleRedaction.redact(String(decoding: $0.prefix(64 * 1024), as: UTF8.self))) } ?? .null)
        )
        members.append(.init("logs", .array(logs.map { .string(ConsoleRedaction.redactForm($0)) })))
        return .object(members)
    }

    static func timestamp(_ time: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: time))
    }
}
