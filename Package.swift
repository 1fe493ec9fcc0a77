// swift-tools-version: 6.0
import PackageDescription

/// Hot numeric targets are optimised even in debug builds, so tests and
/// `make run` stay fast without a seven-minute release build of swift-syntax.
let optimisedInDebug: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lessons", targets: ["lessons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "602.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libpng-dev).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

        .target(name: "NeuralCore", swiftSettings: optimisedInDebug),
        .target(name: "Datasets", dependencies: ["NeuralCore", "CZlib", "CPNG"],
                swiftSettings: optimisedInDebug),
        .target(name: "Experiments", dependencies: ["NeuralCore", "Datasets"]),
        .target(name: "LessonKit", dependencies: [
            "Experiments", "CCmarkGFM",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "lessons", dependencies: [
            "LessonKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "NeuralCoreTests", dependencies: ["NeuralCore"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"]),
        .testTarget(name: "LessonsCLITests", dependencies: ["lessons"]),
    ],
    swiftLanguageModes: [.v5]
)
