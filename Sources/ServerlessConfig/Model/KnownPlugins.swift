/// What the emulator makes of the Serverless Framework plugins people list: a one-line note each, and
/// whether what the plugin adds is missing offline (a warning).
public enum KnownPlugins {
    /// A plugin's note.
    public struct Note: Sendable, Hashable {
        /// What the emulator does about it.
        public var text: String
        /// Whether something the service relies on is missing offline.
        public var missing: Bool
    }

    static let notes: [String: Note] = {
        var notes: [String: Note] = [:]
        notes["serverless-offline"] = Note(
            text: "not needed: emulate up serves the service itself (custom.serverless-offline's httpPort, lambdaPort, "
                + "noPrependStageInUrl, prefix and noAuth are honoured; its other settings are not read)",
            missing: false
        )
        notes["serverless-offline-ssm"] = Note(
            text: "its custom.serverless-offline-ssm.ssm values answer ${ssm:…} (in every stage: the emulator is always offline)",
            missing: false
        )
        for name in ["serverless-offline-sqs", "serverless-offline-scheduler"] {
            notes[name] = Note(text: "not needed: emulate up serves the service itself (its custom settings are not read)", missing: false)
        }
        notes["serverless-dotenv-plugin"] = Note(
            text: "its .env files (NODE_ENV, else --stage, else development) answer ${env:} and go into every function's environment, "
                + "with custom.dotenv's path, basePath, include and exclude",
            missing: false
        )
        for name in [
            "serverless-esbuild", "serverless-webpack", "serverless-plugin-typescript", "serverless-bundle", "serverless-python-requirements",
            "serverless-rust", "serverless-go-build", "serverless-plugin-include-dependencies",
        ] {
            notes[name] = Note(
                text: "builds packages to deploy; offline the functions run from their sources (or custom.emulate.functions.<key>.command)",
                missing: false
            )
        }
        for name in [
            "serverless-domain-manager", "serverless-prune-plugin", "serverless-plugin-warmup", "serverless-deployment-bucket",
            "serverless-plugin-log-retention", "serverless-stack-output", "serverless-plugin-aws-alerts", "serverless-plugin-tracing",
            "serverless-associate-waf", "serverless-plugin-canary-deployments", "serverless-s3-sync", "serverless-finch",
            "serverless-plugin-split-stacks", "serverless-cloudformation-sub-variables", "serverless-pseudo-parameters", "serverless-export-env",
            "serverless-plugin-resource-tagging", "serverless-api-gateway-caching", "serverless-apigw-binary", "serverless-plugin-lambda-dead-letter",
        ] {
            notes[name] = Note(text: "changes the deployment only; nothing to do offline", missing: false)
        }
        notes["serverless-iam-roles-per-function"] = Note(
            text: "per-function iamRoleStatements are not read: every function runs with the provider's role",
            missing: true
        )
        notes["serverless-step-functions"] = Note(text: "state machines are not run; their functions load and can be invoked", missing: true)
        notes["serverless-lift"] = Note(text: "constructs are not run; ${construct:…} values stand in as their text", missing: true)
        notes["serverless-appsync-plugin"] = Note(text: "AppSync APIs are not served; their functions load and can be invoked", missing: true)
        return notes
    }()

    /// The note for `plugin`, or nil for a plugin the emulator does not know.
    public static func note(for plugin: String) -> Note? { notes[plugin] }
}
