/// A Lambda function's execution-role permissions: IAM statements with their resources resolved,
/// evaluated as IAM does (an explicit Deny wins; otherwise some Allow must match; else implicit deny).
public struct IAMPolicy: Sendable, Hashable {
    /// One statement, resources resolved to ARN patterns.
    public struct Statement: Sendable, Hashable {
        /// `true` for Allow, `false` for Deny.
        public var allow: Bool
        /// `Action` patterns (`cognito-idp:Admin*`).
        public var actions: [String]
        /// `NotAction` patterns.
        public var notActions: [String]
        /// `Resource` patterns.
        public var resources: [String]
        /// `NotResource` patterns.
        public var notResources: [String]

        /// Creates a statement.
        public init(allow: Bool, actions: [String], notActions: [String] = [], resources: [String], notResources: [String] = []) {
            self.allow = allow
            self.actions = actions
            self.notActions = notActions
            self.resources = resources
            self.notResources = notResources
        }

        func matches(action: String, resource: String) -> Bool {
            let actionMatches =
                actions.isEmpty
                ? !notActions.contains { Self.wildcard($0, action, caseSensitive: false) }
                : actions.contains { Self.wildcard($0, action, caseSensitive: false) }
            let resourceMatches =
                resources.isEmpty
                ? !notResources.contains { Self.wildcard($0, resource, caseSensitive: true) }
                : resources.contains { Self.wildcard($0, resource, caseSensitive: true) }
            return actionMatches && resourceMatches
        }

        /// IAM's `*` and `?` wildcards.
        static func wildcard(_ pattern: String, _ value: String, caseSensitive: Bool) -> Bool {
            let pattern = Array(caseSensitive ? pattern : pattern.lowercased())
            let value = Array(caseSensitive ? value : value.lowercased())
            var p = 0
            var v = 0
            var star = -1
            var mark = 0
            while v < value.count {
                if p < pattern.count, pattern[p] == "?" || pattern[p] == value[v] {
                    p += 1
                    v += 1
                } else if p < pattern.count, pattern[p] == "*" {
                    star = p
                    mark = v
                    p += 1
                } else if star >= 0 {
                    p = star + 1
                    mark += 1
                    v = mark
                } else {
                    return false
                }
            }
            while p < pattern.count, pattern[p] == "*" { p += 1 }
            return p == pattern.count
        }
    }

    /// The outcome of evaluating a request.
    public enum Decision: Sendable, Equatable {
        /// An Allow matched and no Deny did.
        case allowed
        /// A Deny matched.
        case explicitlyDenied
        /// Nothing allowed it.
        case implicitlyDenied
    }

    /// The statements.
    public var statements: [Statement]

    /// A policy that allows everything (for callers that are not Lambda functions).
    public static let allowAll = IAMPolicy(statements: [Statement(allow: true, actions: ["*"], resources: ["*"])])

    /// Creates a policy.
    public init(statements: [Statement]) {
        self.statements = statements
    }

    /// Evaluates `action` on `resource`.
    public func evaluate(action: String, resource: String) -> Decision {
        let matching = statements.filter { $0.matches(action: action, resource: resource) }
        if matching.contains(where: { !$0.allow }) { return .explicitlyDenied }
        return matching.contains(where: \.allow) ? .allowed : .implicitlyDenied
    }
}
