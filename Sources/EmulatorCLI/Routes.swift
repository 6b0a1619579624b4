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
            let rows =
                [["API", "METHOD", "PATH", "FUNCTION", "AUTHORIZER"]]
                + service.routes.map { route in
                    [route.api.rawValue, route.method, route.urlPath(in: service.apiPaths), route.functionKey, route.authorizer ?? "-"]
                }
            let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
            let table = rows.map { row in
                (0..<4).map { row[$0].padding(toLength: widths[$0]) }.joined(separator: "  ") + "  " + row[4]
            }.joined(separator: "\n")
            return service.schedules.isEmpty ? table : table + "\n\n" + scheduleTable(for: service)
        }

        /// The `schedule` events: function, expression, whether enabled.
        static func scheduleTable(for service: ServerlessService) -> String {
            let rows =
                [["SCHEDULE", "FUNCTION", "STATE"]]
                + service.schedules.flatMap { schedule in
                    schedule.event.expressions.map { [$0.description, schedule.functionKey, schedule.event.enabled ? "enabled" : "disabled"] }
                }
            let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
            return rows.map { row in
                (0..<2).map { row[$0].padding(toLength: widths[$0]) }.joined(separator: "  ") + "  " + row[2]
            }.joined(separator: "\n")
        }
    }
}

extension String {
    /// The string padded with spaces on the right to `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
