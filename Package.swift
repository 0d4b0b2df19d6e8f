// swift-tools-version: 6.0
import PackageDescription

/// mimalloc (`libmimalloc-dev`) replaces glibc's malloc in the programs, libcmark included: a
/// build allocates millions of small blocks (cmark's nodes, Swift's strings and arrays), and
/// mimalloc makes a 10,000-tip build about a tenth cheaper. Only the executables link it.
let fastAllocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CFileSystem"),
        .target(
            name: "HandbookCore",
            dependencies: [
                "CCmark",
                "CFileSystem",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "HandbookPreview",
            dependencies: [
                "HandbookCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "HandbookCLI",
            dependencies: [
                "HandbookCore",
                "HandbookPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fastAllocator
        ),
        .executableTarget(
            name: "HandbookBenchmarks",
            dependencies: ["HandbookCore"],
            linkerSettings: fastAllocator
        ),
        .executableTarget(
            name: "HandbookPreviewBenchmarks",
            dependencies: ["HandbookCore", "HandbookPreview"]
        ),
        .testTarget(
            name: "HandbookPreviewTests",
            dependencies: ["HandbookCore", "HandbookPreview", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "HandbookCoreTests",
            // swift-mustache is the reference the theme's own renderer is checked against.
            dependencies: ["HandbookCore", .product(name: "Mustache", package: "swift-mustache")],
            // Read from the source tree by the fuzz runner, not bundled.
            exclude: ["FuzzCorpus"]
        ),
        .testTarget(
            name: "HandbookCLITests",
            dependencies: ["HandbookCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
