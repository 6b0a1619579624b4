import APIGatewayEmulator
import CognitoEmulator
import EmulatorCore
import EventsEmulator
import Foundation
import LambdaEmulator
import LambdaService
import NIOConcurrencyHelpers
import Provisioning
import ServerlessConfig

/// What the functions panel shows and runs: the service as it runs now (installed at start and at each
/// reload), its routes, functions, their environments, permissions, triggers and schedules.
struct ConsoleFunctions: Sendable {
    let service: ServerlessService
    let stack: ProvisionedStack
    let runtime: Runtime
    let invoker: LambdaInvoker
    let apiBase: String
    let clock: any TimeSource
    /// When the schedules started counting (rate rules run from their start).
    let started: Double

    init(service: ServerlessService, stack: ProvisionedStack, runtime: Runtime, invoker: LambdaInvoker, apiBase: String, clock: any TimeSource) {
        self.service = service
        self.stack = stack
        self.runtime = runtime
        self.invoker = invoker
        self.apiBase = apiBase
        self.clock = clock
        started = clock.now
    }

    /// The next run of each enabled schedule after `now`.
    func nextSchedules(after now: Double) -> [(what: String, at: Double)] {
        Scheduler.rules(of: service, accountID: stack.accountID).compactMap { rule in
            rule.expression.next(after: now, start: started).map { ("schedule \(rule.name) (\(rule.expression)) runs \(rule.functionKey)", $0) }
        }
    }

    /// The routes of both APIs, and every function.
    var json: JSONValue {
        let paths = service.apiPaths
        let routes = service.routes.map { route -> JSONValue in
            let url = route.path == "*" ? apiBase + paths.http + "/*" : apiBase + route.urlPath(in: paths)
            return [
                "api": .string(route.api.rawValue), "method": .string(route.method), "url": .string(url), "function": .string(route.functionKey),
                "authorizer": route.authorizer.map(JSONValue.string) ?? .null,
            ]
        }
        var triggers: [String: [String]] = [:]
        for pool in stack.cognito.pools {
            for (trigger, arn) in pool.lambdaConfig {
                guard let function = stack.functions.first(where: { $0.arn.description == arn }) else { continue }
                triggers[function.key, default: []].append("\(pool.logicalID): \(trigger)")
            }
        }
        let schedules = Dictionary(grouping: service.schedules, by: \.functionKey)
        let functions = stack.functions.map { definition -> JSONValue in
            let function = runtime.functions[definition.key]
            let runs =
                function?.handler != nil
                ? "in process" : function?.process is UnstartableFunction ? "cannot start" : function?.process != nil ? "out of process" : "none"
            let declared = service.function(named: definition.key)?.events ?? []
            var types: [String] = []
            for event in declared {
                let type: String
                switch event {
                case .http: type = "http"
                case .httpApi: type = "httpApi"
                case .schedule: type = "schedule"
                case .cognitoUserPool: type = "cognitoUserPool"
                case .other(let name, _): type = name
                }
                if !types.contains(type) { types.append(type) }
            }
            return [
                "key": .string(definition.key), "name": .string(definition.name), "runtime": definition.runtime.map(JSONValue.string) ?? .null,
                "handler": .string(definition.handler), "runs": .string(runs), "timeout": .int(definition.timeout),
                "memorySize": .int(definition.memorySize), "role": .string(definition.roleARN.description),
                "environment": .object(
                    definition.environment.sorted(by: { $0.key < $1.key }).map {
                        .init($0.key, .string(ConsoleRedaction.isSecretVariable($0.key) ? ConsoleRedaction.mask : $0.value))
                    }
                ),
                "statements": .array(definition.policy.statements.map(Self.json)),
                "events": .array(types.map(JSONValue.string)),
                "samples": .array(types.filter(Emulator.sampleEventTypes.contains).map(JSONValue.string)),
                "triggers": .array((triggers[definition.key] ?? []).map(JSONValue.string)),
                "schedules": .array((schedules[definition.key] ?? []).flatMap { $0.event.expressions.map { .string($0.description) } }),
            ]
        }
        return ["routes": .array(routes), "functions": .array(functions)]
    }

    static func json(_ statement: IAMPolicy.Statement) -> JSONValue {
        var members: [JSONValue.Member] = [.init("Effect", .string(statement.allow ? "Allow" : "Deny"))]
        if !statement.actions.isEmpty { members.append(.init("Action", .array(statement.actions.map(JSONValue.string)))) }
        if !statement.notActions.isEmpty { members.append(.init("NotAction", .array(statement.notActions.map(JSONValue.string)))) }
        if !statement.resources.isEmpty { members.append(.init("Resource", .array(statement.resources.map(JSONValue.string)))) }
        if !statement.notResources.isEmpty { members.append(.init("NotResource", .array(statement.notResources.map(JSONValue.string)))) }
        if !statement.conditions.isEmpty { members.append(.init("Conditions", .int(statement.conditions.count))) }
        return .object(members)
    }

    /// A sample event of `type` for the function, as `emulate invoke --event` sends it.
    func sample(_ type: String, for key: String) -> [UInt8]? {
        guard let function = service.function(named: key) else { return nil }
        return try? SampleEventBuilder(service: service, stack: stack, function: function, data: nil, time: clock.now)
            .sample(type, gateway: runtime.gateway)
    }

    /// Invokes the function with a JSON event: its answer or Lambda's error payload, and the request ID.
    func invoke(_ key: String, event: [UInt8]) async -> (ok: Bool, payload: [UInt8], requestID: String)? {
        guard let function = runtime.functions[key] else { return nil }
        let requestID = UUID().uuidString.lowercased()
        switch await invoker.invoke(function, json: event, requestID: requestID) {
        case .success(let bytes): return (true, bytes, requestID)
        case .failure(let failure): return (false, failure.payload, requestID)
        }
    }
}

/// The functions panel's view of the running service, replaced at each reload.
final class ConsoleFunctionsSlot: Sendable {
    private let current = NIOLockedValueBox<ConsoleFunctions?>(nil)

    var functions: ConsoleFunctions? { current.withLockedValue { $0 } }

    func install(_ functions: ConsoleFunctions) {
        current.withLockedValue { $0 = functions }
    }
}
