import EmulatorCLI
import LambdaEmulator
import SeedApp

var handlers = HandlerRegistry()
SeedApp.register(in: &handlers)
FixtureHandlers.register(in: &handlers)
TriggerHandlers.register(in: &handlers)
HTTPAPIHandlers.register(in: &handlers)
await EmulatorCommandLine.main(handlers: handlers)
