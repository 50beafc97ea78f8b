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
    "Hardware/README.md",
    "Import/README.md",
    "Lint/README.md",
    "Plan/README.md",
    "Plot/README.md",
    "Quantization/README.md",
    "Reporting/README.md",
    "Reporting/Lint/README.md",
    "Sizing/README.md",
    "Spec/README.md",
    "Support/Escaping/README.md",
    "YAML/README.md",
]

// Calibration kernels are compiled twice from the same sources (Sources/Kernels/Portable holds symlinks to
// Sources/Kernels/FMA): `KernelsFMA` with AVX2+FMA code generation on x86_64 hosts, `KernelsPortable` for the
// architecture's baseline. ArchSpec picks one at run time (CPU feature check), so a binary built here still runs
// on x86_64 CPUs without AVX2. On arm64 both are baseline builds (NEON has FMA).
#if arch(x86_64)
let fmaKernelSettings: [SwiftSetting] = [
    .define("KERNEL_FMA"), .unsafeFlags(["-target-cpu", "haswell"]),
]
#else
let fmaKernelSettings: [SwiftSetting] = [.define("KERNEL_FMA")]
#endif

let package = Package(
    name: "archcalc",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ArchSpec", targets: ["ArchSpec"]),
        .executable(name: "archcalc", targets: ["archcalc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "ArchSpec",
            dependencies: [.product(name: "Yams", package: "Yams"), "KernelsFMA", "KernelsPortable"],
            exclude: folderReadmes
        ),
        .target(name: "KernelsFMA", path: "Sources/Kernels/FMA", swiftSettings: fmaKernelSettings),
        .target(name: "KernelsPortable", path: "Sources/Kernels/Portable"),
        .executableTarget(
            name: "archcalc",
            dependencies: [
                "ArchSpec",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A libFuzzer target (scripts/fuzz.sh); a normal build makes a corpus replayer.
        .executableTarget(
            name: "archcalc-fuzz",
            dependencies: ["ArchSpec"]
        ),
        .testTarget(
            name: "ArchSpecTests",
            dependencies: ["ArchSpec"]
        ),
        .testTarget(
            name: "archcalcTests",
            dependencies: ["archcalc", "ArchSpec"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
