import CognitoEmulator
import EmulatorCore
import ServerlessConfig

/// `AWS::Cognito::UserPool` and `AWS::Cognito::UserPoolClient` properties, read by the same code that
/// reads CreateUserPool and CreateUserPoolClient requests (their members share AWS's names), so a pool
/// declared in serverless.yml and one created through the API get the same defaults and checks.
enum CognitoProperties {
    /// The pool's configuration; nil (with a diagnostic) when Cognito would refuse it.
    static func pool(_ properties: CFValue, resource: Resource, diagnostics: inout DiagnosticCollector) -> UserPoolConfiguration? {
        do {
            return try UserPoolConfiguration(definition: json(properties), logicalID: resource.logicalID)
        } catch {
            diagnostics.error("user pool '\(resource.logicalID)': \(error.message)", at: resource.mark)
            return nil
        }
    }

    /// The client's configuration; nil (with a diagnostic) when Cognito would refuse it.
    static func client(
        _ properties: CFValue,
        resource: Resource,
        poolLogicalID: String,
        diagnostics: inout DiagnosticCollector
    ) -> UserPoolClientConfiguration? {
        do {
            return try UserPoolClientConfiguration(definition: json(properties), logicalID: resource.logicalID, poolLogicalID: poolLogicalID)
        } catch {
            diagnostics.error("client '\(resource.logicalID)': \(error.message)", at: resource.mark)
            return nil
        }
    }

    /// Resolved properties as JSON (intrinsics are resolved before this; any left read as null).
    static func json(_ value: CFValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .list(let items): return .array(items.map(json))
        case .map(let entries): return .object(entries.map { .init($0.key, json($0.value)) })
        default: return .null
        }
    }
}
