// libFuzzer target: arbitrary bytes through the JWT splitter, the strict JSON parser, base64url, request
// validation against botocore's model, the CBOR reader, passkey registrations and the CSV import reader.
import CognitoEmulator
import EmulatorCrypto

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
    return 0
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
