// swift-tools-version:6.0
import PackageDescription

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
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "archcalc",
            dependencies: [
                "ArchSpec",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
