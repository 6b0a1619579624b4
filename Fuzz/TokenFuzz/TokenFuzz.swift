// libFuzzer target: arbitrary bytes through the JWT splitter, the strict JSON parser, base64url, request
// validation against botocore's model, the CBOR reader, passkey registrations, the CSV import reader and
// SigV4 (the bytes read as a request: a method line, a path, a query, then headers).
import CognitoEmulator
import EmulatorCrypto

@testable import SigV4

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToken(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let jwt = JWT(text) {
        _ = jwt.keyID
        _ = jwt.isIssued(before: 0)
    }
    if let value = JSONValue.parse(bytes) { _ = JSONValue.parse(Array(value.serialized.utf8)) }
    if let decoded = Base64URL.decode(text) { precondition(Base64URL.decode(Base64URL.encode(decoded)) == decoded) }
    if let request = JSONValue.parse(bytes, duplicateKeys: .lastWins) {
        for operation in ["CreateUserPool", "AdminCreateUser", "InitiateAuth", "SetUserPoolMfaConfig"] {
            try? RequestValidator().validate(request, operation: operation)
        }
        _ = try? WebAuthnAttestation.verify(request, challenge: [1, 2, 3], relyingParty: "localhost", requireUserVerification: false)
    }
    _ = CBOR.decode(bytes)
    _ = try? CSVReader.records(text)
    fuzzSigV4(text)
    return 0
}

private func fuzzSigV4(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count >= 3 else { return }
    let headers = lines.dropFirst(3).compactMap { line -> (name: String, value: String)? in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]), String(line[line.index(after: colon)...]))
    }
    let request = SigV4.Request(method: lines[0], path: lines[1], query: lines[2], headers: headers, body: Array(text.utf8))
    let verifier = SigV4Verifier { _ in SigV4Verifier.Secret(secretAccessKey: "secret") }
    _ = verifier.verify(request, now: 1_796_120_250)
    _ = SigV4Verifier.claimedAccessKey(request)
    precondition(SigV4.percentDecode(SigV4.percentEncode(text, keepSlash: true)) == text)
    if let time = SigV4Verifier.time(lines[0]) { _ = SigV4Verifier.amzDate(time) }
}
// SwiftPM links an executable's entry point as `TokenFuzz_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("TokenFuzz_main")
public func tokenFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzToken)
}
