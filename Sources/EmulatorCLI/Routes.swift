import ArgumentParser
import ServerlessConfig

extension Emulate {
    /// `emulate routes`: prints the route table.
    struct Routes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the service's HTTP routes: API, method, path, function and authorizer.",
            discussion: "REST API (http) routes are served under /STAGE/path; HTTP API (httpApi) routes at their own path."
        )

        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let service = try options.load().service
            print(Self.table(for: service))
        }

        static func table(for service: ServerlessService) -> String {
            let table = TextTable(
                header: ["API", "METHOD", "PATH", "FUNCTION", "AUTHORIZER"],
                rows: service.routes.map { route in
                    [route.api.rawValue, route.method, route.urlPath(in: service.apiPaths), route.functionKey, route.authorizer ?? "-"]
                }
            ).text
            return service.schedules.isEmpty ? table : table + "\n\n" + scheduleTable(for: service)
        }

        /// The `schedule` events: function, expression, whether enabled.
        static func scheduleTable(for service: ServerlessService) -> String {
            TextTable(
                header: ["SCHEDULE", "FUNCTION", "STATE"],
                rows: service.schedules.flatMap { schedule in
                    schedule.event.expressions.map { [$0.description, schedule.functionKey, schedule.event.enabled ? "enabled" : "disabled"] }
                }
            ).text
        }
    }
}
