import APIGatewayEmulator
import CognitoEmulator
import EmulatorCore
import Foundation
import LambdaEmulator
import LambdaService
import Logging
import Provisioning
import ServerlessConfig

/// What a provisioned stack runs as: its functions bound to their handlers and clients, the gateway
/// in front of them, and the pools' triggers wired to the functions.
struct Runtime: Sendable {
    /// The stack it runs.
    let stack: ProvisionedStack
    let functions: [String: LambdaFunction]
    let gateway: APIGateway
    /// The pools of the functions that run out of process.
    let pools: [ProcessPool]
    /// The Lambda API over the functions.
    let lambdaAPI: LambdaInvokeAPI
    /// How each function without a Swift closure runs (planned once, at load).
    let launches: Launches

    init(
        stack: ProvisionedStack,
        service: ServerlessService,
        launches: Launches,
        cognito: CognitoService,
        identity: AWSIdentity,
        handlers: HandlerRegistry,
        invoker: LambdaInvoker,
        background: BackgroundInvocations,
        clock: EmulatorClock,
        logger: Logger
    ) {
        var functions: [String: LambdaFunction] = [:]
        var pools: [ProcessPool] = []
        for definition in stack.functions {
            var process: (any FunctionProcessRunner)?
            if handlers[definition.handler] == nil, let arguments = launches.commands[definition.key] {
                let pool = ProcessFunctions.pool(definition, arguments: arguments, service: service, logger: logger)
                pools.append(pool)
                process = pool
            } else if handlers[definition.handler] == nil, let reason = launches.unstartable[definition.key] {
                process = UnstartableFunction(reason: reason)
            }
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
                runtime: definition.runtime,
                description: definition.description,
                roleARN: definition.roleARN.description,
                arn: definition.arn.description,
                timeout: Double(definition.timeout),
                memorySize: definition.memorySize,
                environment: definition.environment,
                handler: handlers[definition.handler],
                process: process,
                cognito: client
            )
        }
        self.stack = stack
        self.functions = functions
        self.pools = pools
        self.launches = launches
        lambdaAPI = LambdaInvokeAPI(
            functions: Array(functions.values),
            reservedConcurrency: Dictionary(stack.functions.compactMap { definition in definition.reservedConcurrency.map { (definition.key, $0) } })
            {
                first,
                _ in first
            },
            invoker: invoker,
            region: stack.region,
            accountID: stack.accountID,
            background: background,
            logger: logger
        )
        gateway = APIGateway(
            configuration: stack.gateway,
            functions: functions,
            cognito: cognito,
            invoker: invoker,
            clock: clock,
            signatures: identity.gatewaySignatures,
            logger: logger
        )
        TriggerWiring.connect(cognito, functions: functions, invoker: invoker)
    }
}
