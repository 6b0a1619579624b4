// swift-tools-version: 6.2
import Foundation
import PackageDescription

/// One set of Swift settings for every target (STYLE.md habit 2).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ServerlessEmulator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "emulate", targets: ["emulate"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "ServerlessConfig", targets: ["ServerlessConfig"]),
        .library(name: "EmulatorCLI", targets: ["EmulatorCLI"]),
        .library(name: "LambdaEmulator", targets: ["LambdaEmulator"]),
        .library(name: "APIGatewayEmulator", targets: ["APIGatewayEmulator"]),
        .library(name: "EmulatorCore", targets: ["EmulatorCore"]),
        .library(name: "CognitoShapes", targets: ["CognitoShapes"]),
        .library(name: "CognitoEmulator", targets: ["CognitoEmulator"]),
        .library(name: "Provisioning", targets: ["Provisioning"]),
        .library(name: "EmulatorServer", targets: ["EmulatorServer"]),
        .library(name: "EmulatorTesting", targets: ["EmulatorTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "EmulatorCrypto", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        .target(name: "YAML", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .target(
            name: "ServerlessConfig",
            dependencies: ["YAML", "EmulatorCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(name: "EmulatorCore", dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio")], swiftSettings: swiftSettings),
        .target(name: "CognitoShapes", dependencies: ["EmulatorCore"], swiftSettings: swiftSettings),
        .target(
            name: "CognitoEmulator",
            dependencies: [
                "EmulatorCrypto", "EmulatorCore", "CognitoShapes",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LambdaEmulator",
            dependencies: [
                "CognitoEmulator", "CognitoShapes", "EmulatorCore", "EmulatorCrypto", .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "CProcessSpawn"),
        .target(
            name: "SigV4",
            dependencies: ["EmulatorCrypto", "EmulatorCore", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IdentityEmulator",
            dependencies: [
                "SigV4", "CognitoEmulator", "EmulatorCore", "EmulatorCrypto", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LambdaService",
            dependencies: [
                "LambdaEmulator", "EmulatorCore", "EmulatorCrypto", "CProcessSpawn", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EventsEmulator",
            dependencies: [
                "LambdaEmulator", "EmulatorCore", "EmulatorCrypto", "ServerlessConfig", .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "APIGatewayEmulator",
            dependencies: [
                "LambdaEmulator", "CognitoEmulator", "EmulatorCore", "EmulatorCrypto", "ServerlessConfig",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Provisioning",
            dependencies: [
                "ServerlessConfig", "YAML", "EmulatorCore", "EmulatorCrypto", "CognitoEmulator", "APIGatewayEmulator", "IdentityEmulator",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EmulatorServer",
            dependencies: [
                "APIGatewayEmulator", "LambdaEmulator", "LambdaService", "EventsEmulator", "SigV4", "IdentityEmulator", "CognitoEmulator",
                "CognitoShapes",
                "EmulatorCore",
                "Provisioning",
                "ServerlessConfig",
                "YAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EmulatorTesting",
            dependencies: [
                "EmulatorServer", "APIGatewayEmulator", "LambdaEmulator", "CognitoEmulator", "EmulatorCore", "ServerlessConfig",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EmulatorCLI",
            dependencies: [
                "EmulatorServer", "EmulatorCore", "ServerlessConfig", "APIGatewayEmulator", "LambdaEmulator", "CognitoEmulator", "SigV4", "YAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SeedApp",
            dependencies: ["APIGatewayEmulator", "LambdaEmulator", "CognitoEmulator", .product(name: "Logging", package: "swift-log")],
            path: "examples/SeedApp",
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "emulate", dependencies: ["EmulatorCLI", "SeedApp"], swiftSettings: swiftSettings),
        .target(
            name: "StoreApp",
            dependencies: ["APIGatewayEmulator", "LambdaEmulator", "CognitoEmulator"],
            path: "examples/StoreApp",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "emulate-store",
            dependencies: ["EmulatorCLI", "LambdaEmulator", "StoreApp"],
            path: "examples/StoreEmulate",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "emulate-fixtures",
            dependencies: ["EmulatorCLI", "SeedApp", "APIGatewayEmulator", "LambdaEmulator", "CognitoEmulator"],
            path: "IntegrationTests/FixtureHandlers",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CognitoEmulatorTests",
            dependencies: [
                "CognitoEmulator", "CognitoShapes", "EmulatorCore", "Provisioning", "ServerlessConfig", "EmulatorCrypto",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LambdaEmulatorTests",
            dependencies: [
                "LambdaEmulator", "CognitoEmulator", "EmulatorCore", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APIGatewayEmulatorTests",
            dependencies: [
                "APIGatewayEmulator", "EmulatorServer", "EmulatorTesting", "Provisioning", "SeedApp", "LambdaEmulator", "CognitoEmulator",
                "EmulatorCore",
                "ServerlessConfig", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SeedAppTests",
            dependencies: ["SeedApp", "EmulatorTesting"],
            path: "examples/SeedAppTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StoreAppTests",
            dependencies: ["StoreApp", "EmulatorTesting"],
            path: "examples/StoreAppTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProvisioningTests",
            dependencies: [
                "Provisioning", "APIGatewayEmulator", "EmulatorServer", "LambdaEmulator", "ServerlessConfig", "YAML", "IdentityEmulator",
                "EmulatorCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmulatorServerTests",
            dependencies: [
                "EmulatorServer", "APIGatewayEmulator", "CognitoEmulator", "LambdaEmulator", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LambdaServiceTests",
            dependencies: [
                "LambdaService", "LambdaEmulator", "EmulatorCore", .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "IdentityEmulatorTests",
            dependencies: ["IdentityEmulator", "CognitoEmulator", "EmulatorCore", "SigV4"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EmulatorCoreTests", dependencies: ["EmulatorCore"], swiftSettings: swiftSettings),
        .testTarget(name: "EventsEmulatorTests", dependencies: ["EventsEmulator", "EmulatorCore"], swiftSettings: swiftSettings),
        .testTarget(name: "EmulatorCryptoTests", dependencies: ["EmulatorCrypto"], swiftSettings: swiftSettings),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerlessConfigTests",
            dependencies: ["ServerlessConfig", "YAML", "EmulatorCore"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EmulatorCLITests", dependencies: ["emulate"], swiftSettings: swiftSettings),
    ]
)

// Benchmarks build only when asked for (`make bench`), so CI and users never compile them.
if ProcessInfo.processInfo.environment["ENABLE_EMU_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "ConfigLoadBenchmark",
            dependencies: ["ServerlessConfig", "YAML", "CYAML"],
            path: "Benchmarks/ConfigLoadBenchmark",
            swiftSettings: swiftSettings
        )
    )
    package.targets.append(
        .executableTarget(
            name: "InProcessBenchmark",
            dependencies: ["EmulatorTesting", "EmulatorServer", "SeedApp", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/InProcessBenchmark",
            swiftSettings: swiftSettings
        )
    )
    package.targets.append(
        .executableTarget(
            name: "BareHummingbird",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/BareHummingbird"
        )
    )
    package.targets.append(
        .executableTarget(
            name: "BenchLambda",
            dependencies: ["EmulatorCLI", "APIGatewayEmulator", "LambdaEmulator"],
            path: "Benchmarks/BenchLambda",
            swiftSettings: swiftSettings
        )
    )
}

// Fuzz targets build only for `make fuzz` (libFuzzer and AddressSanitizer need their own build folder).
if ProcessInfo.processInfo.environment["ENABLE_EMU_FUZZ"] != nil {
    package.targets += [
        .executableTarget(
            name: "ConfigFuzz",
            dependencies: ["ServerlessConfig", "YAML"],
            path: "Fuzz/ConfigFuzz",
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "TokenFuzz",
            dependencies: ["CognitoEmulator", "EmulatorCrypto", "SigV4"],
            path: "Fuzz/TokenFuzz",
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "WireFuzz",
            dependencies: [
                "CognitoEmulator", "EmulatorCrypto", "LambdaService", "SigV4",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Fuzz/WireFuzz",
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
}
