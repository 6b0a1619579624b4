import CognitoEmulator
import LambdaEmulator
import Logging
import ServerlessConfig
import YAML

/// Turns serverless.yml functions into invocable ``LambdaFunction``s: environment with intrinsics
/// resolved plus Lambda's own variables, IAM statements as a policy, the registered Swift handler.
struct FunctionFactory {
    let service: ServerlessService
    let resolver: IntrinsicResolver
    let cognito: CognitoService
    let handlers: HandlerRegistry

    /// The functions by key, and warnings for values the emulator could not resolve.
    func makeFunctions() -> (functions: [String: LambdaFunction], warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let policy = IAMPolicy(statements: service.provider.iamStatements.map { statement in
            IAMPolicy.Statement(
                allow: statement.effect == .allow, actions: statement.actions, notActions: statement.notActions,
                resources: statement.resources.map { resolveText($0, what: "an IAM statement's Resource", at: statement.mark, &warnings) },
                notResources: statement.notResources.map { resolveText($0, what: "an IAM statement's NotResource", at: statement.mark, &warnings) })
        })
        let role = "\(service.name)-\(service.stage)-\(service.region)-lambdaRole"
        var functions: [String: LambdaFunction] = [:]
        for function in service.functions {
            var environment: [String: String] = [:]
            for variable in service.provider.environment + function.environment {
                environment[variable.name] = resolveText(variable.value, what: "environment variable '\(variable.name)' of function '\(function.key)'", at: variable.mark, &warnings)
            }
            let arn = "arn:aws:lambda:\(service.region):\(resolver.accountID):function:\(function.name)"
            environment.merge(lambdaVariables(function), uniquingKeysWith: { own, _ in own })
            let client = CognitoClient(
                service: cognito, policy: service.provider.customRole == nil ? policy : .allowAll,
                principal: "arn:aws:sts::\(resolver.accountID):assumed-role/\(role)/\(function.name)", region: service.region, accountID: resolver.accountID)
            functions[function.key] = LambdaFunction(
                key: function.key, name: function.name, handlerName: function.handler, arn: arn, timeout: Double(function.timeout),
                memorySize: function.memorySize, environment: environment, handler: handlers[function.handler], cognito: client)
        }
        return (functions, warnings)
    }

    /// The variables Lambda sets in every function's environment.
    private func lambdaVariables(_ function: Function) -> [String: String] {
        [
            "AWS_REGION": service.region, "AWS_DEFAULT_REGION": service.region, "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize), "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)", "AWS_LAMBDA_LOG_STREAM_NAME": "emulate/[$LATEST]local",
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(function.runtime ?? "provided.al2023")", "LAMBDA_TASK_ROOT": "/var/task",
            "LAMBDA_RUNTIME_DIR": "/var/runtime", "TZ": ":UTC", "_HANDLER": function.handler,
            "AWS_ACCESS_KEY_ID": "emulate", "AWS_SECRET_ACCESS_KEY": "emulate", "AWS_SESSION_TOKEN": "emulate",
        ]
    }

    /// A value as text; what cannot be resolved offline becomes its logical ID, with a warning.
    private func resolveText(_ value: CFValue, what: String, at mark: YAML.Mark, _ warnings: inout [Diagnostic]) -> String {
        do {
            return try resolver.text(try resolver.resolve(value))
        } catch {
            let fallback: String
            switch value {
            case .ref(let name): fallback = name
            case .getAtt(let name, let attribute): fallback = "\(name).\(attribute)"
            default: fallback = ""
            }
            warnings.append(Diagnostic(.warning, "\(what): \(error.message); using '\(fallback)'", at: mark))
            return fallback
        }
    }
}
