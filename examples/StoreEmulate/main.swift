// The store example's own `emulate`: the stock command line with the store's handlers registered.
import EmulatorCLI
import LambdaEmulator
import StoreApp

var handlers = HandlerRegistry()
StoreApp.register(in: &handlers)
await EmulatorCommandLine.main(handlers: handlers)
