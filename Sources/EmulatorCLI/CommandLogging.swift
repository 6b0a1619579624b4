import Foundation
import Logging

/// The CLI owns logging: swift-log to standard error, level from `LOG_LEVEL` (default info).
enum CommandLogging {
    /// Bootstraps swift-log once and returns the emulator's logger.
    static func bootstrap() -> Logger {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "emulate")
        logger.logLevel = level
        return logger
    }
}
