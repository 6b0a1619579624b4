// libFuzzer target: arbitrary bytes through the JWT splitter, the strict JSON parser and base64url.
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
