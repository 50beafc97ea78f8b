// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Each folder of the library has a README.md saying what it owns: documentation, not sources.
let folderReadmes: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources/ArchSpec").path
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix("README.md") }.sorted()
}()

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
            dependencies: [.product(name: "Yams", package: "Yams")],
            exclude: folderReadmes
        ),
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
