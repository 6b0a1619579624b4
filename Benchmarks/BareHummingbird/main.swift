// The anchor of the gateway benchmark: a bare Hummingbird 2 POST route answering a fixed 35-byte body.
import Foundation
import Hummingbird
import Logging

let port = Int(CommandLine.arguments.dropFirst().first ?? "8080") ?? 8080
let router = Router()
router.post("/dev/user/private") { _, _ in #"{"message":"Email a@b.c authorized"}"# }
var logger = Logger(label: "bare")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
try await app.runService()
