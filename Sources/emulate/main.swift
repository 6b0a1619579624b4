import EmulatorCLI

await EmulatorCommandLine.main()
