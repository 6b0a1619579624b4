import EmulatorCore
import LambdaEmulator
import Testing

@testable import EmulatorServer

@Suite("the console's record of requests and invocations")
struct ConsoleActivityTests {
    static func invocation(_ requestID: String, event: String) -> ObservedInvocation {
        ObservedInvocation(
            requestID: requestID,
            functionKey: "f",
            event: .bytes(Array(event.utf8)),
            result: .success(.bytes(Array("{}".utf8))),
            milliseconds: 1.5,
            outOfProcess: false
        )
    }

    @Test("an invocation, its log lines and the request's answer make one record; the oldest leave first")
    func records() {
        let activity = ConsoleActivity(capacity: 2, clock: EmulatorClock())
        activity.invocationEnded(Self.invocation("a", event: "{}"))
        activity.logged("info hello", requestID: "a")
        activity.requestAnswered(requestID: "a", method: "GET", path: "/dev/x", route: "GET /x", status: 200, milliseconds: 2, response: [])
        #expect(activity.records.count == 1)
        let record = activity.record("a")
        #expect(record?.invocations.count == 1 && record?.logs == ["info hello"] && record?.status == 200)
        activity.invocationEnded(Self.invocation("b", event: "{}"))
        activity.invocationEnded(Self.invocation("c", event: "{}"))
        #expect(activity.records.map(\.requestID) == ["b", "c"])
        #expect(activity.record("a") == nil)
    }

    @Test("subscribers get each record as it changes, and their streams end at shutdown")
    func subscribers() async {
        let activity = ConsoleActivity(capacity: 10, clock: EmulatorClock())
        let stream = activity.subscribe()
        activity.invocationEnded(Self.invocation("a", event: "{}"))
        activity.requestAnswered(requestID: "a", method: "GET", path: "/x", route: nil, status: 404, milliseconds: 1, response: [])
        activity.finishSubscribers()
        var seen: [Int?] = []
        for await record in stream { seen.append(record.status) }
        #expect(seen == [nil, 404])
    }

    @Test("passwords and secrets never show, in JSON, in JSON inside strings and in forms; refresh tokens are cut")
    func redaction() {
        let event = #"{"body":"{\"email\":\"a@b.c\",\"password\":\"hunter2\"}","headers":{"X":"1"},"RefreshToken":"eyJabcdefghijklmnop"}"#
        let shown = ConsoleRedaction.redact(event)
        #expect(!shown.contains("hunter2") && shown.contains("a@b.c") && shown.contains(ConsoleRedaction.mask))
        #expect(shown.contains("eyJabcde…") && !shown.contains("eyJabcdefghijklmnop"))
        #expect(ConsoleRedaction.redact("username=a&password=hunter2&client_secret=s") == "username=a&password=••••••&client_secret=••••••")
        #expect(ConsoleRedaction.redact("plain text, no secrets") == "plain text, no secrets")
    }
}
