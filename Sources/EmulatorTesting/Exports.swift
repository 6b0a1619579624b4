// A test imports EmulatorTesting alone and gets the event, Lambda and Cognito types with it.
@_exported public import APIGatewayEmulator
@_exported public import CognitoEmulator
@_exported public import LambdaEmulator
