// swift-tools-version: 6.0
import PackageDescription

/// Hot numeric targets are optimised even in debug builds, so tests and
/// `make run` stay fast without a seven-minute release build of swift-syntax.
let optimisedInDebug: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

/// Numeric loops also need `sqrt` without `errno`: with it,
/// `SIMD8<Float>.squareRoot()` becomes eight branchy scalar calls (Adam was a
/// quarter of an MLP step); without it, one vector `sqrtps`. Same bits.
let numericKernelFlags: [SwiftSetting] = optimisedInDebug + [
    .unsafeFlags(["-Xcc", "-fno-math-errno"]),
]

/// Each kernel target instantiates the generic kernels of `SIMDKernels` (the
/// blocked GEMM, Adam's update) with the vector width of one instruction set,
/// compiled with that set's features so `addingProduct` becomes real vector
/// FMAs. Only the CPU check in `NeuralCore` decides which one runs.
#if arch(x86_64)
let avx2Flags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-fno-math-errno", "-O"])]
let avx512Flags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx512f", "-Xcc", "-mfma", "-Xcc", "-fno-math-errno", "-O"])]
#else
let avx2Flags: [SwiftSetting] = numericKernelFlags
let avx512Flags: [SwiftSetting] = numericKernelFlags
#endif

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lessons", targets: ["lessons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "602.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The preview's HTTP server (LessonPreview only): see the README's development section.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libpng-dev).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

        .target(name: "CPUFeatures"),
        .target(name: "CThreadPlacement"),
        // The project's own libm (exp, log, pow, sin, ...): plain Swift, the same bits everywhere.
        .target(name: "PortableMath", swiftSettings: optimisedInDebug),
        // One stable sort over indices for every element type and comparison (lessons.wasm's size).
        .target(name: "PortableSort", swiftSettings: optimisedInDebug),
        // Case folding as far as ASCII goes, without Unicode's case tables (lessons.wasm's size).
        .target(name: "PortableText", swiftSettings: optimisedInDebug),
        .target(name: "SIMDKernels", dependencies: ["CThreadPlacement"], swiftSettings: numericKernelFlags),
        .target(name: "SIMDKernelsPortable", dependencies: ["SIMDKernels"], swiftSettings: numericKernelFlags),
        .target(name: "SIMDKernelsAVX2", dependencies: ["SIMDKernels"], swiftSettings: avx2Flags),
        .target(name: "SIMDKernelsAVX512", dependencies: ["SIMDKernels"], swiftSettings: avx512Flags),
        .target(name: "NeuralCore",
                dependencies: ["CPUFeatures", "PortableMath", "PortableSort", "SIMDKernels", "SIMDKernelsPortable",
                               "SIMDKernelsAVX2", "SIMDKernelsAVX512"],
                swiftSettings: numericKernelFlags),
        .target(name: "Datasets", dependencies: ["NeuralCore", "PortableMath", "PortableSort", "PortableText", "CZlib", "CPNG"],
                swiftSettings: optimisedInDebug),
        // The results renderer (tables, SVG charts, claims, what changed, number spelling):
        // portable, also compiled into lessons.wasm (scripts/build-wasm).
        .target(name: "ResultsRendering", dependencies: ["Experiments", "PortableMath", "PortableJSON", "PortableSort", "PortableText"]),
        // JSON without Foundation, for the WebAssembly module's requests and answers, and plan.json.
        .target(name: "PortableJSON", dependencies: ["PortableSort"], swiftSettings: optimisedInDebug),
        // SHA-256 without Foundation: the cache keys and spec hashes, natively and in lessons.wasm.
        .target(name: "PortableHash", swiftSettings: optimisedInDebug),
        // A lesson's plan and plan.json: no Foundation, so it builds as Embedded Swift too (scripts/build-wasm).
        .target(name: "PlanCore", dependencies: ["PortableJSON", "PortableSort"]),
        .target(name: "Experiments", dependencies: ["NeuralCore", "Datasets", "PlanCore", "PortableMath", "PortableJSON", "PortableSort"]),
        // A lesson's claims and their checking over the runs' results: portable, in lessons.wasm too.
        .target(name: "Claims", dependencies: ["Experiments", "PlanCore", "PortableJSON", "ResultsRendering"]),
        // results.json from the runs' results and the claims, without Foundation: what `lessons run`
        // writes and what lessons.wasm reassembles after a rerun in the browser.
        .target(name: "ResultsAssembly", dependencies: ["Claims", "Experiments", "PortableJSON", "PortableRun", "ResultsRendering"]),
        // One (run, seed) pair from JSON to JSON: what lessons.wasm runs (scripts/build-wasm).
        .target(name: "PortableRun", dependencies: ["NeuralCore", "Datasets", "Experiments", "PortableJSON", "PortableHash", "PortableSort"],
                swiftSettings: optimisedInDebug),
        // The one way from a lesson's plan and parameter values to its runs and claims, with the
        // checks and messages of values (ValueRules) the evaluator shares: portable, in lessons.wasm too.
        .target(name: "PlanResolution", dependencies: ["Claims", "Experiments", "PlanCore", "PortableJSON", "PortableRun", "PortableSort", "PortableText", "ResultsAssembly", "ResultsRendering"]),
        .target(name: "LessonKit", dependencies: [
            "Experiments", "PlanResolution", "ResultsRendering", "Claims", "ResultsAssembly", "PortableRun", "PortableMath", "PortableJSON", "PortableHash", "CCmarkGFM",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // `lessons preview`: the only target that reaches the HTTP server.
        .target(name: "LessonPreview", dependencies: [
            "LessonKit",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // `lessons fuzz`: mutants of the course lessons, judged in process and through the binary.
        .target(name: "LessonFuzz", dependencies: ["LessonKit", "NeuralCore"]),
        .executableTarget(name: "lessons", dependencies: [
            "LessonKit", "PortableJSON", "LessonPreview", "LessonFuzz",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fixtures/ holds reference values the tests read by path (written by scripts/reference).
        .testTarget(name: "NeuralCoreTests", dependencies: ["NeuralCore", "SIMDKernels", "CThreadPlacement"], exclude: ["Fixtures"]),
        .testTarget(name: "PortableMathTests", dependencies: ["PortableMath"], exclude: ["Fixtures"]),
        .testTarget(name: "PortableSortTests", dependencies: ["PortableSort"]),
        .testTarget(name: "PortableTextTests", dependencies: ["PortableText"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "PortableText"]),
        .testTarget(name: "PortableRunTests", dependencies: ["PortableRun", "LessonKit"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"]),
        .testTarget(name: "ResultsRenderingTests", dependencies: ["ResultsRendering", "NeuralCore"]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "ResultsRendering"]),
        .testTarget(name: "LessonsCLITests", dependencies: ["lessons"]),
        .testTarget(name: "LessonFuzzTests", dependencies: ["LessonFuzz"]),
    ],
    swiftLanguageModes: [.v6]
)
