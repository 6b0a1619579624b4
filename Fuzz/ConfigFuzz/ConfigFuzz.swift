// libFuzzer target: arbitrary bytes through the YAML parser and the whole serverless.yml loader.
// Every input must end in a model or in diagnostics — never a crash, a hang or a sanitizer report.
import ServerlessConfig
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? YAMLParser(maxExpandedNodes: 100_000).parse(bytes: bytes, source: "fuzz.yml")
    _ = try? ConfigLoader.load(yaml: String(decoding: bytes, as: UTF8.self), path: "/nonexistent-fuzz-dir/serverless.yml")
    return 0
}
// SwiftPM links an executable's entry point as `ConfigFuzz_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("ConfigFuzz_main")
public func configFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzConfig)
}
