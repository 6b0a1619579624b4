import Foundation
import Testing

@Suite("emulate invoke runs one function without listeners")
struct InvokeTests {
    @Test("the private handler answers from the claims in a hand-written event")
    func invokePrivate() throws {
        let event = #"{"requestContext":{"authorizer":{"claims":{"email":"cli@example.com"}}}}"#
        let result = try EmulateProcess.run(["invoke", "privateAPI", EmulateProcess.seedConfig, "--in-memory", "--data", event])
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(answer["statusCode"] as? Int == 200)
        #expect(answer["body"] as? String == #"{"message":"Email cli@example.com has been authorized"}"#)
    }

    @Test("an unknown function or bad JSON is an error with exit status 1")
    func invokeErrors() throws {
        let unknown = try EmulateProcess.run(["invoke", "nope", EmulateProcess.seedConfig, "--in-memory"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no function 'nope' in \(EmulateProcess.seedConfig); functions: loginUser, privateAPI, signupUser"))
        let badJSON = try EmulateProcess.run(["invoke", "privateAPI", EmulateProcess.seedConfig, "--in-memory", "--data", "{oops"])
        #expect(badJSON.status == 1)
        #expect(badJSON.stderr.contains("the event is not JSON (Lambda refuses it: Could not parse request body into json)"))
        #expect(!badJSON.stderr.contains("START RequestId"), "nothing runs for an event that is not JSON")
        let failing = try EmulateProcess.run(["invoke", "privateAPI", EmulateProcess.seedConfig, "--in-memory", "--data", "[1]"])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains(#""errorType":"DecodingError""#), "Lambda's error payload is the answer")
        #expect(failing.stderr.components(separatedBy: "Invoke Error").count == 2, "the error is logged once")
    }
}
