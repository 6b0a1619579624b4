import Foundation
import Testing

@testable import SigV4

@Suite("SigV4 signatures")
struct SigV4Tests {
    /// The worked example of AWS's documentation: IAM ListUsers, 2015-08-30T12:36:00Z.
    static let example = SigV4.Request(
        method: "GET",
        path: "/",
        query: "Action=ListUsers&Version=2010-05-08",
        headers: [
            ("Host", "iam.amazonaws.com"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("X-Amz-Date", "20150830T123600Z"),
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
            ),
        ],
        body: []
    )
    static let exampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let exampleTime = 1_440_938_160.0

    static func verifier(_ secrets: [String: SigV4Verifier.Secret]) -> SigV4Verifier {
        SigV4Verifier { secrets[$0] }
    }

    @Test("AWS's worked example: the canonical request's hash and the signature")
    func workedExample() {
        let canonical = SigV4.canonicalRequest(Self.example, signedHeaders: ["content-type", "host", "x-amz-date"], payloadHash: SigV4.emptyHash)
        #expect(canonical.hasPrefix("GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"))
        let credential = SigV4.Credential(accessKeyID: "AKIDEXAMPLE", date: "20150830", region: "us-east-1", service: "iam")
        let toSign = SigV4.stringToSign(canonicalRequest: canonical, amzDate: "20150830T123600Z", credential: credential)
        #expect(toSign.hasSuffix("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"))
        #expect(
            SigV4.signature(toSign, secret: Self.exampleSecret, credential: credential)
                == "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        )
        let verified = Self.verifier(["AKIDEXAMPLE": .init(secretAccessKey: Self.exampleSecret)]).verify(Self.example, now: Self.exampleTime + 60)
        #expect(verified == .success(credential))
    }

    @Test("a changed byte, another secret, an unknown key, a stale date and missing parts are each refused as AWS refuses them")
    func refusals() {
        let verifier = Self.verifier(["AKIDEXAMPLE": .init(secretAccessKey: Self.exampleSecret)])
        var tampered = Self.example
        tampered.query = "Action=ListUsers&Version=2010-05-09"
        #expect(verifier.verify(tampered, now: Self.exampleTime) == .failure(.signatureMismatch))
        var body = Self.example
        body.body = [1]
        #expect(verifier.verify(body, now: Self.exampleTime) == .failure(.signatureMismatch))
        #expect(
            Self.verifier(["AKIDEXAMPLE": .init(secretAccessKey: "other")]).verify(Self.example, now: Self.exampleTime)
                == .failure(.signatureMismatch)
        )
        #expect(Self.verifier([:]).verify(Self.example, now: Self.exampleTime) == .failure(.unknownAccessKey("AKIDEXAMPLE")))
        #expect(
            verifier.verify(Self.example, now: Self.exampleTime + 16 * 60)
                == .failure(.outsideWindow(requestTime: "20150830T123600Z", serverTime: "20150830T125200Z"))
        )
        var unsigned = Self.example
        unsigned.headers.removeLast()
        #expect(verifier.verify(unsigned, now: Self.exampleTime) == .failure(.missing))
        var partial = Self.example
        partial.headers[3].value = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request"
        guard case .failure(.incomplete(let reason)) = verifier.verify(partial, now: Self.exampleTime) else {
            Issue.record("expected an incomplete signature")
            return
        }
        #expect(reason.contains("'Signature'") && reason.contains("'SignedHeaders'"))
        let temporary = Self.verifier(["AKIDEXAMPLE": .init(secretAccessKey: Self.exampleSecret, sessionToken: "token")])
        #expect(temporary.verify(Self.example, now: Self.exampleTime) == .failure(.invalidSessionToken))
    }

    @Test("an unsigned X-Amz-Target (the operation of an AWS JSON request) and a second Authorization header are refused")
    func smuggledHeaders() {
        let verifier = Self.verifier(["AKIDEXAMPLE": .init(secretAccessKey: Self.exampleSecret)])
        var retargeted = Self.example
        retargeted.headers.append(("X-Amz-Target", "AWSCognitoIdentityProviderService.DeleteUserPool"))
        #expect(
            verifier.verify(retargeted, now: Self.exampleTime) == .failure(.incomplete("X-Amz-Target must be signed: add it to SignedHeaders"))
        )
        var twice = Self.example
        twice.headers.append(("authorization", Self.example.headerValues("Authorization")[0]))
        #expect(verifier.verify(twice, now: Self.exampleTime) == .failure(.incomplete("the request has more than one Authorization header")))
        var dated = Self.example
        dated.headers.append(("X-Amz-Date", "20150830T123700Z"))  // a second date: the signed value is no longer the request's
        #expect(verifier.verify(dated, now: Self.exampleTime) == .failure(.signatureMismatch))
    }

    @Test("every request botocore's own signer signed over generated methods, paths, queries, headers and bodies verifies; one changed byte does not")
    func botocoreSigned() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/botocore-signed.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let cases = document["cases"] as! [[String: Any]]
        #expect(cases.count == 240)
        for (index, item) in cases.enumerated() {
            let headers = (item["headers"] as! [[String]]).map { (name: $0[0], value: $0[1]) }
            let request = SigV4.Request(
                method: item["method"] as! String,
                path: item["path"] as! String,
                query: item["query"] as! String,
                headers: headers,
                body: Array(Data(base64Encoded: item["body"] as! String)!)
            )
            let secret = SigV4Verifier.Secret(secretAccessKey: item["secret"] as! String, sessionToken: item["sessionToken"] as? String)
            let verifier = Self.verifier([item["accessKeyId"] as! String: secret])
            let date = headers.first { $0.name == "X-Amz-Date" }!.value
            let now = SigV4Verifier.time(date)! + 30
            let outcome = verifier.verify(request, now: now)
            guard case .success = outcome else {
                Issue.record("case \(index) (\(request.method) \(request.path)?\(request.query)): \(outcome)")
                continue
            }
            var changed = request
            if changed.body.isEmpty { changed.path += "x" } else { changed.body[changed.body.count / 2] ^= 1 }
            #expect(verifier.verify(changed, now: now) == .failure(.signatureMismatch), "case \(index)")
        }
    }

    @Test("a query byte that is not UTF-8 stays itself; a claimed body hash must be the body's")
    func bytesAndHashes() {
        #expect(SigV4.canonicalQuery("a=%FF&b=%e2%82%ac", excluding: nil) == "a=%FF&b=%E2%82%AC")
        var claimed = Self.example
        claimed.headers.append(("X-Amz-Content-Sha256", String(repeating: "0", count: 64)))
        let verifier = Self.verifier(["AKIDEXAMPLE": .init(secretAccessKey: Self.exampleSecret)])
        guard case .failure(.incomplete(let reason)) = verifier.verify(claimed, now: Self.exampleTime) else {
            Issue.record("a wrong body hash was accepted")
            return
        }
        #expect(reason.contains("X-Amz-Content-Sha256"))
        var malformed = Self.example
        malformed.headers[3].value = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request"
        #expect(SigV4Verifier.claimedAccessKey(malformed) == "AKIDEXAMPLE")
    }

    @Test("pre-signed URLs verify until X-Amz-Expires")
    func presigned() {
        let credential = SigV4.Credential(accessKeyID: "AKID", date: "20261201", region: "us-east-1", service: "cognito-idp")
        var query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261201%2Fus-east-1%2Fcognito-idp%2Faws4_request"
        query += "&X-Amz-Date=20261201T120000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
        var request = SigV4.Request(method: "PUT", path: "/upload/job-1", query: query, headers: [("Host", "127.0.0.1:9229")], body: [9])
        let canonical = SigV4.canonicalRequest(request, signedHeaders: ["host"], payloadHash: SigV4.unsignedPayload)
        let signature = SigV4.signature(
            SigV4.stringToSign(canonicalRequest: canonical, amzDate: "20261201T120000Z", credential: credential),
            secret: "s",
            credential: credential
        )
        request.query += "&X-Amz-Signature=\(signature)"
        let verifier = Self.verifier(["AKID": .init(secretAccessKey: "s")])
        let start = SigV4Verifier.time("20261201T120000Z")!
        #expect(verifier.verify(request, now: start + 200) == .success(credential))
        #expect(verifier.verify(request, now: start + 301) == .failure(.expired))
    }
}
