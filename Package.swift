// swift-tools-version: 6.1
import PackageDescription

/// In release programs: compact relocations and no symbols.
let releaseProgram: LinkerSetting = .unsafeFlags(["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                                  "-Xlinker", "--strip-all"],
                                                 .when(platforms: [.linux], configuration: .release))

/// lld, the toolchain's linker: gold warns about a `mktemp` inside static FoundationEssentials that Handbook never calls.
let toolchainLinker: LinkerSetting = .unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux], configuration: .release))

/// Link choices belong to the programs, never to the library, so other packages can use HandbookCore.
let executableLinking = [toolchainLinker, releaseProgram]

/// Each file sees only what it imports, so FoundationEssentials files cannot use Foundation by accident.
let honestImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handbook", targets: ["HandbookCLI"]),
        .library(name: "HandbookCore", targets: ["HandbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // Without its default traits, which bring swift-configuration and full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // cmark's headers and its archive, libcmark.a (libcmark-dev): linked by file name (`-l:`),
        // so no program, ours or another package's, needs libcmark's shared library at run time.
        .systemLibrary(
            name: "CCmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // utf8proc's archive (libutf8proc-dev): Unicode decomposition for slugs and search words,
        // which FoundationEssentials leaves to the ICU data of full Foundation.
        .systemLibrary(
            name: "CUTF8Proc",
            providers: [.apt(["libutf8proc-dev"])]
        ),
        // libyaml's headers and its archive, libyaml.a (libyaml-dev), linked by file name as cmark's is.
        .systemLibrary(
            name: "CYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "CFileSystem"),
        // mimalloc 2.0.9 (MIT), compiled into the programs, where it replaces malloc: 20% of a
        // 10,000-tip build (docs/performance.md), with no libmimalloc needed at run time.
        .target(
            name: "CMimalloc",
            exclude: ["mimalloc/LICENSE"],
            sources: ["mimalloc/src/static.c"],
            publicHeadersPath: "public",
            cSettings: [.headerSearchPath("mimalloc/include"), .define("MI_MALLOC_OVERRIDE"),
                        .define("MI_DEBUG", to: "0"), .define("NDEBUG"),
                        // mimalloc's own code, kept as released: its two kinds of warning are not ours to fix.
                        .unsafeFlags(["-Wno-deprecated-pragma", "-Wno-static-in-inline"])]
        ),
        // Writes a folder as a Swift source file: the built-in theme and `init`'s samples.
        .executableTarget(name: "FolderEmbedder"),
        // Under Sources/ because the repository's top level is fixed.
        .plugin(name: "EmbedBuiltInFiles", capability: .buildTool(), dependencies: ["FolderEmbedder"],
                path: "Sources/EmbedBuiltInFilesPlugin"),
        .target(
            name: "HandbookCore",
            dependencies: [
                "CCmark",
                "CFileSystem",
                "CUTF8Proc",
                "CYAML",
            ],
            // Built into the program by the plugin, not compiled.
            exclude: ["Scaffold/Samples"],
            swiftSettings: honestImports,
            plugins: ["EmbedBuiltInFiles"]
        ),
        .target(
            name: "HandbookPreview",
            dependencies: [
                "HandbookCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // The page's script and the error panel's style, built into the program by the plugin.
            exclude: ["Browser"],
            swiftSettings: honestImports,
            plugins: ["EmbedBuiltInFiles"]
        ),
        .executableTarget(
            name: "HandbookCLI",
            dependencies: [
                "HandbookCore",
                "HandbookPreview",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: honestImports,
            linkerSettings: executableLinking
        ),
        .executableTarget(
            name: "HandbookBenchmarks",
            dependencies: ["HandbookCore", "CMimalloc"],
            linkerSettings: executableLinking
        ),
        .executableTarget(
            name: "HandbookPreviewBenchmarks",
            dependencies: ["HandbookCore", "HandbookPreview"],
            linkerSettings: [toolchainLinker]
        ),
        .testTarget(
            name: "HandbookPreviewTests",
            dependencies: ["HandbookCore", "HandbookPreview", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "HandbookCoreTests",
            // swift-mustache is the reference the theme's own renderer is checked against.
            dependencies: ["HandbookCore", .product(name: "Mustache", package: "swift-mustache"),
                           // Yams, libyaml's other reader, is what the YAML reader's values and errors are checked against.
                           .product(name: "Yams", package: "Yams")],
            // Read from the source tree by the fuzz runner, not bundled.
            exclude: ["FuzzCorpus"]
        ),
        .testTarget(
            name: "HandbookCLITests",
            // The executable target too, so that the program these tests run is built first.
            dependencies: ["HandbookCore", "HandbookCLI",
                           // Reads the CI recipes of docs/publishing.md.
                           .product(name: "Yams", package: "Yams")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
