public import LambdaEmulator

/// The seed tutorial's service in Swift: the handlers of `user/signup.handler`, `user/login.handler`
/// and `user/private.handler` in the repository's serverless.yml.
public enum SeedApp {
    /// Registers the three handlers.
    public static func register(in registry: inout HandlerRegistry) {
        registry.register("user/signup.handler", Signup.handler)
        registry.register("user/login.handler", Login.handler)
        registry.register("user/private.handler", Private.handler)
        registry.register("user/privateHttp.handler", PrivateHTTP.handler)
    }
}
