import APIGatewayEmulator
import CognitoEmulator
import EmulatorCore
import Foundation
import LambdaEmulator
import Logging
import Provisioning

/// What a provisioned stack runs as: its functions bound to their handlers and clients, the gateway
/// in front of them, and the pools' triggers wired to the functions.
struct Runtime: Sendable {
    let functions: [String: LambdaFunction]
    let gateway: APIGateway

    init(functions: [String: LambdaFunction], gateway: APIGateway) {
        self.functions = functions
        self.gateway = gateway
    }

    init(stack: ProvisionedStack, cognito: CognitoService, handlers: HandlerRegistry, invoker: LambdaInvoker, clock: EmulatorClock, logger: Logger) {
        var functions: [String: LambdaFunction] = [:]
        for definition in stack.functions {
            let client = CognitoClient(
                service: cognito,
                policy: definition.policy,
                principal: definition.principal.description,
                region: stack.region,
                accountID: stack.accountID
            )
            functions[definition.key] = LambdaFunction(
                key: definition.key,
                name: definition.name,
                handlerName: definition.handler,
                arn: definition.arn.description,
                timeout: Double(definition.timeout),
                memorySize: definition.memorySize,
                environment: definition.environment,
                handler: handlers[definition.handler],
                cognito: client
            )
        }
        self.functions = functions
        gateway = APIGateway(configuration: stack.gateway, functions: functions, cognito: cognito, invoker: invoker, clock: clock, logger: logger)
        TriggerWiring.connect(cognito, functions: functions, invoker: invoker)
    }
}
