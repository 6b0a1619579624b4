// Code that uses the Cognito service gets its wire shapes and the shared core with it.
@_exported public import CognitoShapes
@_exported public import EmulatorCore
