// libFuzzer target for what arrives over the wire before any check: the form-body and cookie parsers,
// the SAML response parser (XML tree, exclusive C14N, the signature checks) and the Runtime API's
// request handling (NIO's HTTP/1.1 codec, the listener's handler and the Runtime API's routes, on an
// embedded channel). The input's first byte picks the surface; the rest is the input.
import CognitoEmulator
import EmulatorCrypto
import Logging
import NIOCore
import NIOEmbedded
import SigV4

@testable import LambdaService

private let samlKey = try! RSAKey.generate(bits: 1024)
private let launch = FunctionLaunch(
    key: "fn",
    arn: "arn:aws:lambda:us-east-1:000000000000:function:s-dev-fn",
    timeout: 3,
    arguments: ["/bin/true"],
    directory: "/",
    environment: [:],
    maxInstances: 1,
    perProcessConcurrency: 1
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let text = String(decoding: bytes, as: UTF8.self)
    switch data[0] % 4 {
    case 0:
        let fields = FormURLEncoding.fields(text, text)
        precondition(fields.count <= text.utf8.count + 1)
    case 1:
        let cookies = HostedLogin.Request.cookies(fromHeaders: text.split(separator: "\n").map(String.init))
        precondition(cookies.keys.allSatisfy { !$0.contains(";") })
    case 2:
        fuzzSAML(text)
    default:
        fuzzRuntimeAPI(bytes)
    }
    return 0
}

private func fuzzSAML(_ text: String) {
    if let root = try? XMLElement.parse(text) {
        _ = ExclusiveCanonicalization.canonical(root)
    }
    let expected = SAMLResponse.Expectations(
        audience: "urn:amazon:cognito:sp:pool",
        recipient: "http://localhost/saml2/idpresponse",
        requestID: "r",
        now: 1_796_120_250
    )
    _ = try? SAMLResponse(text, key: samlKey, expecting: expected)
}

/// The bytes as one connection's input to a Runtime API listener with no invocation waiting, then closed.
private func fuzzRuntimeAPI(_ bytes: [UInt8]) {
    let channel = EmbeddedChannel()
    let instance = FunctionInstance(function: launch, capacity: 1)
    let api = RuntimeAPI(instance: instance, launch: launch, logger: Logger(label: "fuzz"))
    do {
        try RuntimeAPIListener.configure(channel.pipeline.syncOperations, bodyLimit: 4096) { request, reply in api.respond(request, reply: reply) }
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes))
    } catch {
        // A malformed request is refused by the codec: that is an answer, not a failure.
    }
    // The process "dies": a `next` still waiting is answered and let go, as when a runtime exits.
    instance.died(nil)
    while (try? channel.readOutbound(as: ByteBuffer.self)) != nil {}
    _ = try? channel.finish()
}

// SwiftPM links an executable's entry point as `WireFuzz_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("WireFuzz_main")
public func wireFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzWire)
}
