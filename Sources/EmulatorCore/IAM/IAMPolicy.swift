/// IAM permissions: statements with their resources resolved, evaluated as IAM does (an explicit Deny
/// wins; otherwise some Allow must match; else an implicit deny). Conditions and policy variables
/// (`${aws:username}`, `${cognito-identity.amazonaws.com:sub}`) are read against the request's context.
public struct IAMPolicy: Sendable, Hashable {
    /// One statement, resources resolved to ARN patterns.
    public struct Statement: Sendable, Hashable {
        /// `true` for Allow, `false` for Deny.
        public var allow: Bool
        /// `Action` patterns (`cognito-idp:Admin*`).
        public var actions: [String]
        /// `NotAction` patterns.
        public var notActions: [String]
        /// `Resource` patterns, possibly with policy variables.
        public var resources: [String]
        /// `NotResource` patterns.
        public var notResources: [String]
        /// `Condition`: every one must hold.
        public var conditions: [IAMCondition]

        /// Creates a statement.
        public init(
            allow: Bool,
            actions: [String],
            notActions: [String] = [],
            resources: [String],
            notResources: [String] = [],
            conditions: [IAMCondition] = []
        ) {
            self.allow = allow
            self.actions = actions
            self.notActions = notActions
            self.resources = resources
            self.notResources = notResources
            self.conditions = conditions
        }

        func matches(_ request: IAMRequest) -> Bool {
            let actionMatches =
                actions.isEmpty
                ? !notActions.contains { IAMWildcard.matches($0, request.action, caseSensitive: false) }
                : actions.contains { IAMWildcard.matches($0, request.action, caseSensitive: false) }
            guard actionMatches else { return false }
            func resourceMatches(_ pattern: String) -> Bool {
                guard let pattern = request.context.substitutingVariables(in: pattern) else { return false }
                return IAMWildcard.matches(pattern, request.resource, caseSensitive: true)
            }
            let resourceMatches = resources.isEmpty ? !notResources.contains(where: resourceMatches) : resources.contains(where: resourceMatches)
            return resourceMatches && conditions.allSatisfy { $0.holds(in: request.context) }
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

    /// A policy that allows everything (an administrator's, or callers whose keys the emulator did not issue).
    public static let allowAll = IAMPolicy(statements: [Statement(allow: true, actions: ["*"], resources: ["*"])])

    /// Creates a policy.
    public init(statements: [Statement]) {
        self.statements = statements
    }

    /// The union of several policies (a role's inline and attached policies).
    public init(combining policies: [IAMPolicy]) {
        self.statements = policies.flatMap(\.statements)
    }

    /// Evaluates `request`.
    public func evaluate(_ request: IAMRequest) -> Decision {
        var allowed = false
        for statement in statements where statement.matches(request) {
            if !statement.allow { return .explicitlyDenied }
            allowed = true
        }
        return allowed ? .allowed : .implicitlyDenied
    }

    /// Evaluates `action` on `resource` with an empty request context.
    public func evaluate(action: String, resource: String) -> Decision {
        evaluate(IAMRequest(action: action, resource: resource))
    }
}

/// What IAM evaluates: an action on a resource, with the request's context keys.
public struct IAMRequest: Sendable {
    /// `cognito-idp:AdminCreateUser`.
    public var action: String
    /// The resource's ARN, or `*`.
    public var resource: String
    /// The context keys (`aws:username`, `aws:PrincipalTag/team`, `cognito-identity.amazonaws.com:sub`…).
    public var context: IAMContext

    /// Creates a request.
    public init(action: String, resource: String, context: IAMContext = IAMContext()) {
        self.action = action
        self.resource = resource
        self.context = context
    }
}

/// IAM's `*` and `?` wildcards.
enum IAMWildcard {
    static func matches(_ pattern: String, _ value: String, caseSensitive: Bool) -> Bool {
        let pattern = Array(caseSensitive ? pattern.utf8 : pattern.lowercased().utf8)
        let value = Array(caseSensitive ? value.utf8 : value.lowercased().utf8)
        var p = 0
        var v = 0
        var star = -1
        var mark = 0
        while v < value.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == value[v] {
                p += 1
                v += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
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
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
