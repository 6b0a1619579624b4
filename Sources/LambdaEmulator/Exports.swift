// Handlers that import LambdaEmulator get the shared core (clock, ARNs, IAM policies, JSON values) with it.
@_exported public import EmulatorCore
