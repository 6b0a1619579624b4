import EmulatorCore
import Testing

@testable import EventsEmulator

@Suite("EventBridge's input paths and templates")
struct InputPathTests {
    static let event = JSONValue.parse(Array(#"{"time":"2026-12-01T10:00:00Z","resources":["arn:r"],"detail":{"n":3,"q":"say \"hi\""}}"#.utf8))!

    @Test("JSONPaths select members and list items; a path that leads nowhere selects nothing")
    func paths() {
        #expect(InputPath.select("$", in: Self.event) == Self.event)
        #expect(InputPath.select("$.detail.n", in: Self.event) == .int(3))
        #expect(InputPath.select("$.resources[0]", in: Self.event) == .string("arn:r"))
        #expect(InputPath.select("$.resources[1]", in: Self.event) == nil)
        #expect(InputPath.select("$.missing.deeper", in: Self.event) == nil)
        #expect(InputPath.select("detail", in: Self.event) == nil)
    }

    @Test("placeholders: inside a JSON string their text (escaped), elsewhere their JSON; plain text becomes a JSON string")
    func templates() {
        let values: [String: JSONValue] = ["time": .string("2026-12-01T10:00:00Z"), "q": .string(#"say "hi""#), "n": .int(3)]
        #expect(InputPath.render(#"{"at": <time>, "n": <n>}"#, values) == #"{"at": "2026-12-01T10:00:00Z", "n": 3}"#)
        #expect(InputPath.render(#"{"said": "<q> twice", "unknown": "<nope>"}"#, values) == #"{"said": "say \"hi\" twice", "unknown": "<nope>"}"#)
        #expect(InputPath.render("it is <time>", values) == #""it is \"2026-12-01T10:00:00Z\"""#)
    }
}
