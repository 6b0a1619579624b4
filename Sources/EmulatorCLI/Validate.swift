import ArgumentParser
import ServerlessConfig

extension Emulate {
    /// `emulate validate`: loads the configuration and prints a summary or the diagnostics.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check serverless.yml and print a summary of the service.",
            discussion: "Checks everything `up` checks (variables, resources, that every function can run) without listening. "
                + "Exits 0 and prints the service, stage, functions, routes and resources when the file is valid. "
                + "Otherwise prints every problem as FILE:LINE:COL: error: MESSAGE (warnings likewise), with the source "
                + "line and a caret, to standard error, and exits 1."
        )

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let checked = try options.check()
            print(Self.summary(of: checked.service, warnings: checked.warnings.count))
        }

        static func summary(of service: ServerlessService, warnings: Int) -> String {
            let routes = service.routes
            let rest = routes.filter { $0.api == .rest }.count
            let resources = service.resources.resources
            let cognito = resources.filter(\.isCognito)
            var lines = [
                "\(service.configPath) is valid\(warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "")",
                "service:   \(service.name)",
                "stage:     \(service.stage) (region \(service.region))",
                "functions: \(service.functions.count)" + list(service.functions.map(\.key)),
                "routes:    \(routes.count) (\(rest) REST API, \(routes.count - rest) HTTP API)",
                "resources: \(resources.count) (\(cognito.count) Cognito)" + list(resources.map { "\($0.logicalID) \($0.type)" }),
            ]
            if !service.plugins.isEmpty {
                lines.append("plugins:   \(service.plugins.count)")
                for plugin in service.plugins {
                    lines.append("  \(plugin): " + (KnownPlugins.note(for: plugin)?.text ?? "unknown to the emulator"))
                }
            }
            if !service.resources.outputs.isEmpty {
                lines.append("outputs:   \(service.resources.outputs.count)" + list(service.resources.outputs.map(\.logicalID)))
            }
            return lines.joined(separator: "\n")
        }

        private static func list(_ names: [String]) -> String {
            names.isEmpty ? "" : ": " + names.joined(separator: ", ")
        }
    }
}
