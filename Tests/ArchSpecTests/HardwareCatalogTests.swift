import Foundation
import Testing
@testable import ArchSpec

@Suite struct HardwareCatalogTests {
    static let required = ["h100-sxm", "h100-pcie", "h200", "b200", "a100-40gb", "a100-80gb", "l40s", "l4", "a10g",
                           "rtx-4090", "mi300x", "tpu-v5e", "m2-ultra", "cpu",
                           "b300", "gb300", "gb200", "h20", "rtx-5090", "rtx-pro-6000", "dgx-spark", "mi325x", "mi355x",
                           "gaudi3", "tpu-v6e", "tpu7x", "trainium2", "strix-halo", "m4-max", "m3-ultra"]

    @Test func everyRequiredIDIsBuiltIn() {
        #expect(HardwareCatalog.all.map(\.id) == Self.required)
        #expect(Set(HardwareCatalog.all.map(\.id)).count == HardwareCatalog.all.count)
    }

    @Test(arguments: HardwareCatalog.all)
    func profileIsCompleteAndSourced(_ profile: HardwareProfile) {
        #expect(profile.memory.value > 1e9 && profile.memory.source?.isEmpty == false)
        #expect(profile.memoryBandwidth.value > 1e10 && profile.memoryBandwidth.source?.isEmpty == false)
        #expect(profile.interconnect.bandwidth.value > 0 && profile.interconnect.bandwidth.source?.isEmpty == false)
        #expect(profile.devicesPerNode >= 1)
        let sixteenBit = profile.peakFlops.bf16 ?? profile.peakFlops.fp16
        #expect((sixteenBit?.value ?? 0) > 1e12, "\(profile.id) needs a 16-bit peak")
        for (name, figure) in profile.peakFlops.listed {
            #expect(figure.value > 0 && figure.source?.isEmpty == false, "\(profile.id) \(name)")
        }
        if let reserve = profile.reserve { #expect(reserve.source?.isEmpty == false) }
        // The ridge point (peak / bandwidth) of real devices lies between 10 and 1000 FLOP/byte.
        let ridge = (sixteenBit?.value ?? 0) / profile.memoryBandwidth.value
        #expect(ridge > 10 && ridge < 1000, "\(profile.id) ridge \(ridge)")
    }

    @Test func a100FiguresAreTheDatasheetOnes() throws {
        let a100 = try #require(HardwareCatalog.profile(id: "a100-80gb"))
        #expect(a100.memory.value == 80 * 1_073_741_824)
        #expect(a100.memoryBandwidth.value == 2.039e12)
        #expect(a100.peakFlops.bf16?.value == 312e12)
    }

    @Test func unknownIDSuggestsTheNearest() {
        #expect(throws: HardwareError.unknownID("h100", suggestions: ["h100-sxm", "h100-pcie"])) {
            try HardwareCatalog.resolve("h100")
        }
    }

    @Test func quantitiesParseWithUnits() {
        #expect(QuantityParser.parse("80 GiB", as: Bytes.self) == 85_899_345_920.0)
        #expect(QuantityParser.parse("3.35 TB/s", as: BytesPerSecond.self) == 3.35e12)
        #expect(QuantityParser.parse("1600 Gbps", as: BytesPerSecond.self) == 200e9)
        #expect(QuantityParser.parse("989.4 TFLOPS", as: FlopsPerSecond.self) == 989.4e12)
        #expect(abs((QuantityParser.parse("10 us", as: Seconds.self) ?? 0) - 10e-6) < 1e-18)
        #expect(QuantityParser.parse("80%", as: Fraction.self) == 0.8)
        #expect(QuantityParser.parse("3.35 TB/s", as: Bytes.self) == nil)
        #expect(QuantityParser.parse("lots", as: Bytes.self) == nil)
    }

    @Test func loaderReportsWrongUnitsAtTheirLine() {
        let text = """
            id: x
            name: X
            vendor: v
            memory: 3 TB/s
            memory_bandwidth: 1 TB/s
            peak_flops: {bf16: 1 TFLOPS}
            interconnect: {kind: k, bandwidth: 1 GB/s}
            devices_per_node: 1
            """
        #expect(throws: HardwareError.malformed(
            path: "x.yaml", line: 4, column: 9,
            message: "memory: '3 TB/s' is not a memory size; write it like 80 GiB")) {
            try HardwareLoader.parse(text, path: "x.yaml")
        }
    }

    @Test func aliasBombsAndSyntaxErrorsAreRefusedWithALocation() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect {
            try HardwareLoader.parse(bomb, path: "bomb.yaml")
        } throws: { error in
            guard case .malformed(_, let line?, _, let message) = error as? HardwareError else { return false }
            return line >= 1 && message.contains("250000 nodes")
        }
        #expect {
            try HardwareLoader.parse("id: x\nname: [unclosed\n", path: "bad.yaml")
        } throws: { error in
            guard case .malformed(_, 3?, 1?, let message) = error as? HardwareError else { return false }
            return message.hasPrefix("invalid YAML")
        }
    }

    @Test func curvesInterpolateInLogSpaceAndClamp() {
        let curve = EfficiencyCurve(operator: .matmul, points: [CurvePoint(x: 10, y: 0.2), CurvePoint(x: 1000, y: 0.8)])
        #expect(curve.value(at: 1) == 0.2)
        #expect(abs((curve.value(at: 100) ?? 0) - 0.5) < 1e-12)
        #expect(curve.value(at: 1e6) == 0.8)
        let efficiency = Efficiency(curves: [curve])
        #expect(efficiency.fraction(for: .memory, at: 5) == Efficiency.defaults.memory)
    }

    @Test func builtInProfilesRoundTripThroughYAML() throws {
        for profile in HardwareCatalog.all {
            // YAML prints 15 significant digits, so compare the text of a second round and the figures to 1e-12.
            let yaml = HardwareReport.yaml(profile)
            let parsed = try HardwareLoader.parse(yaml, path: "\(profile.id).yaml")
            #expect(HardwareReport.yaml(parsed) == yaml)
            #expect(abs(parsed.memoryBandwidth.value / profile.memoryBandwidth.value - 1) < 1e-12)
            #expect(parsed.memory.source == profile.memory.source && parsed.id == profile.id)
        }
    }
}

@Suite struct HardwareDocsTests {
    /// The example profile in docs/hardware.md is real: it loads and its figures come out in base units.
    @Test func docsExampleProfileLoads() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/hardware.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let profile = try HardwareLoader.parse(String(text[start.upperBound..<end.lowerBound]), path: "docs/hardware.md")
        #expect(profile.id == "my-h100")
        #expect(profile.memory.value == 79.6 * 1_073_741_824)
        #expect(profile.reserveFraction == 0.08)
        #expect(profile.interconnect.latency?.value == 12e-6)
        #expect(profile.efficiency?.curves.map(\.operator) == [.matmul, .allreduce])
        #expect(profile.efficiency?.fraction(for: .matmul, at: 64) == 0.35)
    }
}
