import CognitoEmulator
import CognitoShapes
import Foundation
import LambdaEmulator

/// Connects the user pools' Lambda triggers to the functions: a trigger names a function by ARN, and the
/// function runs through the invoker like any other invocation (Cognito waits at most five seconds).
enum TriggerWiring {
    static let cognitoWaitSeconds = 5.0

    static func connect(_ cognito: CognitoService, functions: [String: LambdaFunction], invoker: LambdaInvoker) {
        let byARN = Dictionary(functions.values.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })
        cognito.setTriggerRunner { arn, event in
            guard let function = byARN[arn] else { return .failure(.noFunction(arn)) }
            switch await invoker.invoke(function, event: event, callerTimeout: cognitoWaitSeconds) {
            case .success(let answer as CognitoTriggerEvent):
                return .success(answer)
            case .success(let other):
                // A handler typed differently (its own event struct, say): its answer is read as JSON.
                guard let encodable = other as? any Encodable,
                    let answer = try? JSONDecoder().decode(CognitoTriggerEvent.self, from: JSONEncoder().encode(encodable))
                else { return .failure(.invalidResponse(String(describing: type(of: other)))) }
                return .success(answer)
            case .failure(let failure):
                switch failure.kind {
                case .handlerError: return .failure(.functionError(failure.errorMessage ?? ""))
                case .functionTimeout, .callerTimeout:
                    return .failure(
                        .functionError("\(failure.requestID) Task timed out after \(String(format: "%.2f", failure.seconds ?? 0)) seconds")
                    )
                default: return .failure(.noFunction(arn))
                }
            }
        }
    }
}
