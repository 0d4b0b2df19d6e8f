// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "handbook", targets: ["HandbookCLI"]),
        .library(name: "HandbookCore", targets: ["HandbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "HandbookCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "HandbookCLI",
            dependencies: [
                "HandbookCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "HandbookBenchmarks",
            dependencies: ["HandbookCore"]
        ),
        .testTarget(
            name: "HandbookCoreTests",
            dependencies: ["HandbookCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "HandbookCLITests",
            dependencies: ["HandbookCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
