import EmulatorCore
import YAML

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Evaluates intrinsic functions once resources exist: `Ref` and `Fn::GetAtt` read the live values
/// the emulator registered, pseudo parameters come from the region and account, and the rest
/// (`Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::If` with simple conditions) are computed.
public struct IntrinsicResolver: Sendable {
    /// What evaluation could not do.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Why.
        public let message: String
        /// The message.
        public var description: String { message }
    }

    /// `Ref` values by logical ID.
    public var refs: [String: String] = [:]
    /// `Fn::GetAtt` values by logical ID, then attribute.
    public var attributes: [String: [String: String]] = [:]
    /// `resources.Conditions`, evaluated on demand.
    public var conditions: [String: CFValue] = [:]
    /// The region (`AWS::Region`).
    public var region: String
    /// The account (`AWS::AccountId`).
    public var accountID: String
    /// The stack name (`AWS::StackName`): `<service>-<stage>` as the Serverless Framework names stacks.
    public var stackName: String

    /// Creates a resolver with no resources yet.
    public init(region: String, accountID: String, stackName: String) {
        self.region = region
        self.accountID = accountID
        self.stackName = stackName
    }

    /// The value of a `Ref`.
    public func ref(_ name: String) throws(Failure) -> String {
        switch name {
        case "AWS::Region": return region
        case "AWS::AccountId": return accountID
        case "AWS::StackName": return stackName
        case "AWS::StackId": return ARN.stack(stackName, id: "emulate", region: region, account: accountID).description
        case "AWS::Partition": return "aws"
        case "AWS::URLSuffix": return "amazonaws.com"
        default:
            guard let value = refs[name] else {
                throw Failure(
                    message: "Ref to '\(name)': the emulator has no value for it (it provisions Cognito resources and the service's own functions)"
                )
            }
            return value
        }
    }

    /// The value of an `Fn::GetAtt`.
    public func attribute(_ name: String, _ attribute: String) throws(Failure) -> String {
        guard let value = attributes[name]?[attribute] else {
            throw Failure(message: "Fn::GetAtt \(name).\(attribute): the emulator has no value for it")
        }
        return value
    }

    /// The value with every intrinsic evaluated, or a ``Failure`` naming the first that cannot be.
    public func resolve(_ value: CFValue) throws(Failure) -> CFValue {
        switch value {
        case .string, .int, .double, .bool, .null:
            return value
        case .list(let items):
            var result: [CFValue] = []
            for item in items {
                let resolved = try resolve(item)
                if resolved != .string(Self.noValue) { result.append(resolved) }
            }
            return .list(result)
        case .map(let entries):
            var result: [CFValue.Entry] = []
            for entry in entries {
                let resolved = try resolve(entry.value)
                if resolved != .string(Self.noValue) { result.append(.init(entry.key, resolved)) }
            }
            return .map(result)
        case .ref(let name):
            return name == "AWS::NoValue" ? .string(Self.noValue) : .string(try ref(name))
        case .getAtt(let name, let attribute):
            return .string(try self.attribute(name, attribute))
        case .sub(let template, let variables):
            return .string(try substitute(template, variables: variables))
        case .join(let separator, let values):
            guard case .list(let items) = try resolve(values) else { throw Failure(message: "Fn::Join needs a list of values") }
            return .string(try items.map(text).joined(separator: separator))
        case .select(let index, let list):
            guard case .list(let items) = try resolve(list), let position = Int(try text(try resolve(index))), items.indices.contains(position) else {
                throw Failure(message: "Fn::Select: the index is not a position in the list")
            }
            return items[position]
        case .split(let separator, let source):
            return .list(try text(try resolve(source)).split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
        case .if(let condition, let then, let otherwise):
            return try resolve(try evaluate(condition: condition) ? then : otherwise)
        case .function(let name, let argument):
            switch name {
            case "Fn::GetAZs": return .list(["a", "b", "c"].map { .string(region + $0) })
            case "Fn::Base64": return .string(Data(try text(try resolve(argument)).utf8).base64EncodedString())
            default: throw Failure(message: "\(name) cannot be evaluated by the emulator")
            }
        }
    }

    /// A resolved scalar as text.
    public func text(_ value: CFValue) throws(Failure) -> String {
        switch value {
        case .string(let text): return text
        case .int(let int): return String(int)
        case .double(let double): return ScalarValue.double(double).text
        case .bool(let bool): return bool ? "true" : "false"
        default: throw Failure(message: "expected a string, found a list or mapping")
        }
    }

    static let noValue = "\u{0}AWS::NoValue"

    private func substitute(_ template: String, variables: [CFValue.Entry]) throws(Failure) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstRange(of: "${") {
            result += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "}") else {
                result += "${"
                continue
            }
            let name = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("!") {
                result += "${" + name.dropFirst() + "}"
            } else if let variable = variables.first(where: { $0.key == name }) {
                result += try text(try resolve(variable.value))
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                result += try attribute(String(name[..<dot]), String(name[name.index(after: dot)...]))
            } else {
                result += try ref(name)
            }
        }
        return result + rest
    }

    private func evaluate(condition name: String) throws(Failure) -> Bool {
        guard let condition = conditions[name] else { throw Failure(message: "unknown condition '\(name)'") }
        return try evaluate(conditionValue: condition)
    }

    private func evaluate(conditionValue: CFValue) throws(Failure) -> Bool {
        guard case .function(let name, let argument) = conditionValue else {
            if case .bool(let value) = conditionValue { return value }
            throw Failure(message: "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition")
        }
        switch (name, argument) {
        case ("Condition", .string(let other)): return try evaluate(condition: other)
        case ("Fn::Equals", .list(let items)) where items.count == 2:
            return try text(try resolve(items[0])) == (try text(try resolve(items[1])))
        case ("Fn::Not", .list(let items)) where items.count == 1: return !(try evaluate(conditionValue: items[0]))
        case ("Fn::And", .list(let items)):
            for item in items where !(try evaluate(conditionValue: item)) { return false }
            return true
        case ("Fn::Or", .list(let items)):
            for item in items where try evaluate(conditionValue: item) { return true }
            return false
        default: throw Failure(message: "\(name) cannot be evaluated by the emulator")
        }
    }
}
