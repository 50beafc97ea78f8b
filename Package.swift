// swift-tools-version:6.0
import PackageDescription

/// Each folder of the library has a README.md saying what it owns: documentation, not sources.
/// (A test checks that this list names every one.)
let folderReadmes = [
    "Compare/README.md",
    "Calibration/README.md",
    "Checkpoint/README.md",
    "Cost/README.md",
    "Diagnostics/README.md",
    "Entry/README.md",
    "Hardware/README.md",
    "Import/README.md",
    "Lint/README.md",
    "Plan/README.md",
    "Plot/README.md",
    "Quantization/README.md",
    "Reporting/README.md",
    "Reporting/Compare/README.md",
    "Reporting/Lint/README.md",
    "Reporting/Prune/README.md",
    "Serving/README.md",
    "Sizing/README.md",
    "StepTime/README.md",
    "Spec/README.md",
    "Support/README.md",
    "Support/Escaping/README.md",
    "YAML/README.md",
]

// Calibration kernels are compiled three times from the same sources (Sources/Kernels/Portable and
// Sources/Kernels/AVX512 hold symlinks to Sources/Kernels/FMA): `KernelsAVX512` with AVX-512 (F/CD/BW/DQ/VL, the
// x86-64-v4 set; swiftc spells it `skylake-avx512`) and 64-column register tiles, `KernelsFMA` with AVX2+FMA, and
// `KernelsPortable` for the architecture's baseline. ArchSpec picks one at run time (CPU feature check), so a
// binary built here still runs on x86_64 CPUs without AVX2. On arm64 all are baseline builds (NEON has FMA).
// `KernelsWideCheck` (tests only) compiles the AVX-512 copy's 64-column tile code for AVX2, so its loops and edges
// are checked against the reference on hosts without AVX-512 (the AVX-512 copy itself is tested where it runs).
// `KernelsIntDot` is C: the int8 GEMV's integer dot products (`vpdpwssd`, `vpmaddwd`), which Swift cannot express,
// as intrinsics behind `__attribute__((target(...)))`; the kernel copies call it after ArchSpec's CPU check.
#if arch(x86_64)
let fmaKernelSettings: [SwiftSetting] = [
    .define("KERNEL_FMA"), .unsafeFlags(["-target-cpu", "haswell"]),
]
let avx512KernelSettings: [SwiftSetting] = [
    .define("KERNEL_FMA"), .define("KERNEL_AVX512"), .unsafeFlags(["-target-cpu", "skylake-avx512"]),
]
let wideCheckSettings: [SwiftSetting] = [
    .define("KERNEL_FMA"), .define("KERNEL_AVX512"), .define("KERNEL_LAYOUT_CHECK"), .unsafeFlags(["-target-cpu", "haswell"]),
]
#else
let fmaKernelSettings: [SwiftSetting] = [.define("KERNEL_FMA")]
let avx512KernelSettings: [SwiftSetting] = [.define("KERNEL_FMA"), .define("KERNEL_AVX512")]
let wideCheckSettings: [SwiftSetting] = [.define("KERNEL_FMA"), .define("KERNEL_AVX512"), .define("KERNEL_LAYOUT_CHECK")]
#endif

let package = Package(
    name: "archcalc",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ArchSpec", targets: ["ArchSpec"]),
        .executable(name: "archcalc", targets: ["archcalc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Documentation only: `swift package generate-documentation --target ArchSpec` (README, "Library documentation").
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        .target(
            name: "ArchSpec",
            dependencies: ["CYaml", "KernelsAVX512", "KernelsFMA", "KernelsPortable"],
            exclude: folderReadmes
        ),
        // libyaml's C sources as Yams 6.2.2 ships them (Sources/CYaml/README.md): the Yams module itself links
        // Foundation, which cost every archcalc process milliseconds of start-up (docs/startup.md).
        .target(
            name: "CYaml",
            exclude: ["README.md", "LICENSE", "LICENSE-libyaml"],
            cSettings: [.define("YAML_DECLARE_STATIC")]
        ),
        .target(name: "KernelsAVX512", dependencies: ["KernelsIntDot"], path: "Sources/Kernels/AVX512", swiftSettings: avx512KernelSettings),
        .target(name: "KernelsWideCheck", dependencies: ["KernelsIntDot"], path: "Sources/Kernels/WideCheck", swiftSettings: wideCheckSettings),
        .target(name: "KernelsFMA", dependencies: ["KernelsIntDot"], path: "Sources/Kernels/FMA", swiftSettings: fmaKernelSettings),
        .target(name: "KernelsPortable", dependencies: ["KernelsIntDot"], path: "Sources/Kernels/Portable"),
        .target(name: "KernelsIntDot", path: "Sources/KernelsIntDot"),
        .executableTarget(
            name: "archcalc",
            dependencies: [
                "ArchSpec",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release links drop the DWARF (about 19 MB of the 25 MB binary; symbols stay for backtraces and
            // profilers), so the built binary is what scripts/install.sh installs. Debug builds keep it.
            // Release links on Linux take the Swift runtime statically (start-up: no dynamic loading and binding
            // of the Swift libraries at every start, docs/startup.md). `-static-stdlib` alone does not name
            // FoundationEssentials' own static dependencies (swift-argument-parser imports FoundationEssentials),
            // so they are linked by name. Release links also drop the DWARF and the symbol table (`--strip-all`),
            // which keeps the static binary near 21 MB (issue 12's cap is 25 MB); debug builds keep both. The
            // release binary is not position-independent (`-no-pie`): the loader then applies none of the 50,116
            // relative relocations a PIE needs at every start (7.00 -> 6.08 ms for `estimate`, docs/startup.md), at the
            // price of a fixed load address for the executable itself (libraries and stacks stay randomised).
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-Xlinker", "--strip-all", "-Xclang-linker", "-no-pie"],
                             .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("swiftSynchronization", .when(platforms: [.linux], configuration: .release)),
            ],
            plugins: ["VersionStamp"]
        ),
        // Writes the git commit into the archcalc target before each build (`archcalc --version`).
        .plugin(name: "VersionStamp", capability: .buildTool()),
        // A libFuzzer target (scripts/fuzz.sh); a normal build makes a corpus replayer.
        .executableTarget(
            name: "archcalc-fuzz",
            dependencies: ["ArchSpec"]
        ),
        .testTarget(
            name: "ArchSpecTests",
            dependencies: ["ArchSpec", "KernelsWideCheck"]
        ),
        .testTarget(
            name: "archcalcTests",
            dependencies: ["archcalc", "ArchSpec"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
