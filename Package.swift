// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Rampart",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rampart", targets: ["rampart"]),
        .library(name: "RampartCore", targets: ["RampartCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        .target(
            name: "RampartCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RampartCLI",
            dependencies: [
                "RampartCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rampart",
            dependencies: [
                "RampartCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RampartCoreTests",
            dependencies: ["RampartCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RampartCLITests",
            dependencies: [
                "RampartCLI",
                "RampartCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
