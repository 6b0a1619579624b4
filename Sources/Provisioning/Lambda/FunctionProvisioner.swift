import EmulatorCore
import ServerlessConfig
import YAML

/// `AWS::Lambda::Function`: the service's functions (the resources the framework generates from
/// `functions`, `<Key>LambdaFunction`) with their environment resolved, Lambda's own variables, the
/// execution role and its IAM statements as a policy; and functions declared under `resources`, whose
/// name and ARN other resources may read.
struct FunctionProvisioner: ResourceProvisioner {
    let resourceType = "AWS::Lambda::Function"

    func register(_ resource: Resource, in context: inout ProvisioningContext) {
        let name =
            (try? context.resolver.resolve(resource.properties))?["FunctionName"]?.stringValue
            ?? "\(context.stack.stackName)-\(resource.logicalID)"
        context.register(
            resource.logicalID,
            ProvisionedResource(
                type: resourceType,
                physicalID: name,
                attributes: ["Arn": ARN.lambdaFunction(name, region: context.stack.region, account: context.stack.accountID).description]
            )
        )
    }

    func provision(_ resource: Resource, in context: inout ProvisioningContext) {}

    /// Registers every function of `functions` under its logical ID, so `Ref` and `Fn::GetAtt … Arn` find it.
    static func registerServiceFunctions(in context: inout ProvisioningContext) {
        for function in context.service.functions {
            let arn = ARN.lambdaFunction(function.name, region: context.stack.region, account: context.stack.accountID)
            context.register(
                function.logicalID,
                ProvisionedResource(type: "AWS::Lambda::Function", physicalID: function.name, attributes: ["Arn": arn.description])
            )
        }
    }

    /// Builds every function of `functions`, once all resources are known.
    static func provisionServiceFunctions(in context: inout ProvisioningContext) {
        let service = context.service
        let stack = context.stack
        let roleName = "\(service.name)-\(service.stage)-\(stack.region)-lambdaRole"
        let statements = service.provider.iamStatements.map { statement in
            IAMPolicy.Statement(
                allow: statement.effect == .allow,
                actions: statement.actions,
                notActions: statement.notActions,
                resources: statement.resources.map { resolveText($0, what: "an IAM statement's Resource", at: statement.mark, &context) },
                notResources: statement.notResources.map { resolveText($0, what: "an IAM statement's NotResource", at: statement.mark, &context) },
                conditions: conditions(statement, &context)
            )
        }
        var role = IAMRole(
            name: roleName,
            arn: ARN.role(roleName, account: stack.accountID).description,
            trust: .service("lambda.amazonaws.com"),
            permissions: IAMPolicy(statements: statements)
        )
        if let custom = service.provider.customRole {
            // `provider.iam.role: <ARN or !GetAtt Role.Arn>`: the functions run as that role.
            let arn = (try? context.resolver.text(try context.resolver.resolve(custom))) ?? ""
            if let named = context.stack.roles.first(where: { $0.arn == arn || $0.name == arn }) {
                role = named
            } else {
                role.permissions = .allowAll
            }
        } else {
            context.stack.roles.append(role)
        }
        for function in service.functions {
            let role = functionRole(function, default: role, &context)
            let policy = role.permissions
            var environment: [String: String] = [:]
            for variable in service.provider.environment + function.environment {
                environment[variable.name] = resolveText(
                    variable.value,
                    what: "environment variable '\(variable.name)' of function '\(function.key)'",
                    at: variable.mark,
                    &context
                )
            }
            let arn = ARN.lambdaFunction(function.name, region: stack.region, account: stack.accountID)
            let credentials = FunctionCredentials(functionARN: arn.description)
            environment.merge(
                lambdaVariables(function, region: stack.region, credentials: credentials, endpoints: stack.endpoints, taskRoot: service.directory),
                uniquingKeysWith: { own, _ in own }
            )
            context.stack.functions.append(
                FunctionDefinition(
                    key: function.key,
                    name: function.name,
                    handler: function.handler,
                    runtime: function.runtime,
                    arn: arn,
                    roleARN: ARN(parsing: role.arn) ?? ARN.role(roleName, account: stack.accountID),
                    principal: ARN.assumedRole(role.name, session: function.name, account: stack.accountID),
                    policy: policy,
                    environment: environment,
                    timeout: function.timeout,
                    memorySize: function.memorySize,
                    description: function.description ?? "",
                    reservedConcurrency: function.reservedConcurrency,
                    artifact: function.artifact,
                    command: function.command,
                    credentials: credentials
                )
            )
        }
    }

    /// The variables Lambda sets in every function's environment, with the SDKs' endpoint settings
    /// pointing at the emulator (`AWS_ENDPOINT_URL_<SERVICE>`) so an unchanged SDK client reaches it.
    private static func lambdaVariables(
        _ function: Function,
        region: String,
        credentials: FunctionCredentials,
        endpoints: ServiceEndpoints,
        taskRoot: String
    ) -> [String: String] {
        var variables = [
            "AWS_REGION": region, "AWS_DEFAULT_REGION": region, "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize), "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)", "AWS_LAMBDA_LOG_STREAM_NAME": "emulate/[$LATEST]local",
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(function.runtime ?? "provided.al2023")",
            "LAMBDA_TASK_ROOT": taskRoot, "LAMBDA_RUNTIME_DIR": "/var/runtime", "TZ": ":UTC",
            "_HANDLER": function.handler, "AWS_ACCESS_KEY_ID": credentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
            "AWS_SESSION_TOKEN": credentials.sessionToken, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": endpoints.cognitoBase,
        ]
        if let lambda = endpoints.lambdaBase { variables["AWS_ENDPOINT_URL_LAMBDA"] = lambda }
        return variables
    }

    /// The role a function runs as: its own `role` (a logical ID, ARN or name of the stack's roles), else the service's.
    private static func functionRole(_ function: Function, default role: IAMRole, _ context: inout ProvisioningContext) -> IAMRole {
        guard let named = function.role else { return role }
        let text: String
        if case .string(let logicalID) = named, let resource = context.stack.resources[logicalID], resource.type == "AWS::IAM::Role" {
            text = resource.attributes["Arn"] ?? logicalID
        } else {
            text = (try? context.resolver.text(try context.resolver.resolve(named))) ?? ""
        }
        if let found = context.stack.roles.first(where: { $0.arn == text || $0.name == text }) { return found }
        context.diagnostics.warning(
            "function '\(function.key)': the role '\(text)' is not one of this service's roles; the function gets full access",
            at: function.mark
        )
        var unknown = role
        if let arn = ARN(parsing: text) {
            unknown.arn = arn.description
            unknown.name = String(arn.resource.split(separator: "/").last ?? "")
        }
        unknown.permissions = .allowAll
        return unknown
    }

    /// A statement's `Condition` block, or an error at the statement when IAM would refuse it.
    private static func conditions(_ statement: IAMStatement, _ context: inout ProvisioningContext) -> [IAMCondition] {
        guard let condition = statement.condition else { return [] }
        do {
            return try IAMPolicy.Statement.conditions(CognitoProperties.json(try context.resolver.resolve(condition)))
        } catch let error as IAMPolicyError {
            context.diagnostics.error("an IAM statement's Condition: \(error.message)", at: statement.mark)
        } catch {
            context.diagnostics.error("an IAM statement's Condition: \(error)", at: statement.mark)
        }
        return []
    }

    /// A value as text; what cannot be resolved offline becomes its logical ID, with a warning.
    private static func resolveText(_ value: CFValue, what: String, at mark: Mark, _ context: inout ProvisioningContext) -> String {
        do {
            return try context.resolver.text(try context.resolver.resolve(value))
        } catch {
            let fallback: String
            switch value {
            case .ref(let name): fallback = name
            case .getAtt(let name, let attribute): fallback = "\(name).\(attribute)"
            default: fallback = ""
            }
            context.diagnostics.warning("\(what): \(error.message); using '\(fallback)'", at: mark)
            return fallback
        }
    }
}
