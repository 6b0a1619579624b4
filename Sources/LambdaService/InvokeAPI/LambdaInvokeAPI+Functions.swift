import EmulatorCore
import LambdaEmulator

/// `GetFunction`, `GetFunctionConfiguration` and `ListFunctions` (50 per page, `Marker`/`NextMarker`):
/// the service's functions in Lambda's `FunctionConfiguration` shape, with the user's variables only.
extension LambdaInvokeAPI {
    func getFunction(_ found: Result<LambdaFunction, Refusal>, requestID: String, full: Bool) -> Answer {
        switch found {
        case .failure(let refusal): return refusal.answer
        case .success(let function):
            let configuration = Self.configuration(function, runtime: function.runtime)
            let document: JSONValue =
                full
                ? .object([
                    .init("Configuration", configuration),
                    .init("Code", .object([.init("RepositoryType", .string("S3")), .init("Location", .string(""))])),
                    .init("Tags", .object([])),
                ]) : configuration
            return json(document, requestID: requestID)
        }
    }

    func listFunctions(_ query: [String: String], requestID: String) -> Answer {
        let pageSize = min(50, max(1, Int(query["MaxItems"] ?? "") ?? 50))
        let start = query["Marker"].flatMap { marker in functions.firstIndex { $0.name > marker } } ?? (query["Marker"] == nil ? 0 : functions.count)
        let page = functions[start..<min(functions.count, start + pageSize)]
        var members: [JSONValue.Member] = [.init("Functions", .array(page.map { Self.configuration($0, runtime: $0.runtime) }))]
        if start + pageSize < functions.count, let last = page.last { members.append(.init("NextMarker", .string(last.name))) }
        return json(.object(members), requestID: requestID)
    }

    static func configuration(_ function: LambdaFunction, runtime: String?) -> JSONValue {
        let visible = function.environment.filter { !LambdaEnvironment.reserved.contains($0.key) }
        return .object([
            .init("FunctionName", .string(function.name)),
            .init("FunctionArn", .string(function.arn)),
            .init("Runtime", .string(runtime ?? "provided.al2023")),
            .init("Role", .string(function.roleARN)),
            .init("Handler", .string(function.handlerName)),
            .init("CodeSize", .int(0)),
            .init("Description", .string(function.description)),
            .init("Timeout", .int(Int(function.timeout))),
            .init("MemorySize", .int(function.memorySize)),
            .init("LastModified", .string("1970-01-01T00:00:00.000+0000")),
            .init("CodeSha256", .string("")),
            .init("Version", .string("$LATEST")),
            .init("Environment", .object([.init("Variables", .object(visible.sorted { $0.key < $1.key }.map { .init($0.key, .string($0.value)) }))])),
            .init("TracingConfig", .object([.init("Mode", .string("PassThrough"))])),
            .init("State", .string("Active")),
            .init("LastUpdateStatus", .string("Successful")),
            .init("PackageType", .string("Zip")),
            .init("Architectures", .array([.string("x86_64")])),
            .init("EphemeralStorage", .object([.init("Size", .int(512))])),
            .init("LoggingConfig", .object([.init("LogFormat", .string("Text")), .init("LogGroup", .string("/aws/lambda/\(function.name)"))])),
        ])
    }
}
