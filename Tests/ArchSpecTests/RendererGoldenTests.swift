import Foundation
import Testing
@testable import ArchSpec

/// Every renderer of every command against its golden file under `Tests/Fixtures/golden/<result>/`
/// (`ARCHCALC_RECORD_GOLDENS=1 swift test --filter Golden` re-records them). The inputs are fixed: repository specs
/// with their source renamed to the relative path, built-in sizing fixtures, and a hardware profile from YAML here.
@Suite struct RendererGoldenTests {
    static func spec(_ file: String) throws -> ArchitectureSpec {
        try #require(SpecLoader.load(path: LintFixtures.root + "/specs/" + file).spec)
    }

    static func estimates() throws -> EstimationRun {
        let options = CostOptions(context: 4096, batch: 2)
        return EstimationRun(reports: try ["llama-3-8b.yaml", "qwen3-next-80b-a3b.yaml"].map { file in
            EstimateReport(estimate: try CostModel.estimate(try spec(file), options: options), source: "specs/" + file)
        })
    }

    @Test(arguments: EstimateFormat.allCases)
    func estimate(format: EstimateFormat) throws {
        try Golden.check(format.render(try Self.estimates()), "estimate/\(format.rawValue).\(Golden.ext(format.rawValue))")
        if format == .text {
            try Golden.check(format.render(try Self.estimates(), RenderOptions(exact: true)), "estimate/text-exact.txt")
        }
    }

    static func comparison() throws -> Comparison {
        let options = CostOptions(context: 4096)
        return Comparison(reports: try ["llama-2-7b.yaml", "llama-3-8b.yaml"].map { file in
            EstimateReport(estimate: try CostModel.estimate(try spec(file), options: options), source: "specs/" + file)
        }, basis: .requested)
    }

    @Test(arguments: ComparisonFormat.allCases)
    func compare(format: ComparisonFormat) throws {
        try Golden.check(format.render(try Self.comparison()), "compare/\(format.rawValue).\(Golden.ext(format.rawValue))")
        if format == .text {
            try Golden.check(format.render(try Self.comparison(), RenderOptions(exact: true)), "compare/text-exact.txt")
        }
    }

    @Test(arguments: PruneHeadsFormat.allCases)
    func pruneHeads(format: PruneHeadsFormat) throws {
        var run = HeadPruningRun.run(paths: [LintFixtures.root + "/specs/llama-3-8b.yaml"], request: .percent(25),
                                     options: CostOptions(context: 4096))
        #expect(!run.failed && run.items.count == 1)
        for index in run.items.indices {
            run.items[index].source = "specs/llama-3-8b.yaml"
            for report in run.items[index].comparison.reports.indices {
                run.items[index].comparison.reports[report].source = "specs/llama-3-8b.yaml"
            }
        }
        try Golden.check(format.render(run), "prune-heads/\(format.rawValue).\(Golden.ext(format.rawValue))")
    }

    static func sizing() throws -> SizingReport {
        let spec = SizingFixtures.llama3_70b
        let result = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"), request: SizingRequest(context: 8192, batch: 4))
        return .single(result, scales: ScaleOverhead.report(spec, result: result))
    }

    static func sweep() throws -> SizingReport {
        let sweep = try Sweep.parse("batch=1..64:4")
        return .sweep(sweep, try sweep.run(SizingFixtures.llama31_8b, on: SizingFixtures.hardware("h100-sxm"),
                                           request: SizingRequest(context: 32768)))
    }

    @Test(arguments: SizingFormat.allCases)
    func size(format: SizingFormat) throws {
        let ext = Golden.ext(format.rawValue)
        try Golden.check(format.render(try Self.sizing()), "size/\(format.rawValue).\(ext)")
        try Golden.check(format.render(try Self.sweep()), "size/sweep-\(format.rawValue).\(ext)")
    }

    static let profileYAML = """
        id: my-h100
        name: H100 SXM as measured in rack 7
        vendor: NVIDIA
        memory: {value: 79.6 GiB, source: "measured: nvidia-smi memory.total 81559 MiB"}
        memory_bandwidth: {value: 3.35 TB/s, source: "NVIDIA H100 datasheet"}
        peak_flops:
          bf16: {value: 989.4 TFLOPS, source: "NVIDIA H100 datasheet, dense"}
          fp8: 1978.9 TFLOPS
        interconnect:
          kind: NVLink 4
          bandwidth: {value: 450 GB/s, source: "900 GB/s bidirectional / 2"}
          latency: 12 us
        devices_per_node: 8
        reserve: 8%
        efficiency:
          memory: {value: 0.86, source: "measured: archcalc calibrate, 2026-11-29"}
          curves:
            - operator: matmul
              source: "measured: bf16 GEMMs, 2026-11-29"
              points: [{x: 8, y: 0.05}, {x: 64, y: 0.35}, {x: 512, y: 0.72}, {x: 4096, y: 0.78}]
        """

    static func profile() throws -> HardwareProfile { try HardwareLoader.parse(profileYAML, path: "my-h100.yaml") }

    @Test(arguments: HardwareFormat.allCases)
    func hardware(format: HardwareFormat) throws {
        let ext = Golden.ext(format.rawValue)
        try Golden.check(format.render(.one(try Self.profile())), "hardware/show-\(format.rawValue).\(ext)")
        let profiles = [try Self.profile(), try HardwareLoader.parse(Self.profileYAML.replacingOccurrences(of: "my-h100", with: "my-h100-b"),
                                                                     path: "b.yaml")]
        try Golden.check(format.render(.list(profiles)), "hardware/list-\(format.rawValue).\(ext)")
    }

    /// `hardware list --format yaml` is a YAML stream whose every document loads as the profile it came from.
    @Test func hardwareListYAMLLoadsBack() throws {
        let text = HardwareFormat.yaml.render(.list(HardwareCatalog.all))
        let documents = text.components(separatedBy: "---\n")
        #expect(documents.count == HardwareCatalog.all.count)
        for (document, profile) in zip(documents, HardwareCatalog.all) {
            let parsed = try HardwareLoader.parse(document, path: "list.yaml")
            #expect(parsed.id == profile.id && HardwareReport.yaml(parsed) == document)
        }
    }

    @Test(arguments: RulesFormat.allCases)
    func rules(format: RulesFormat) throws {
        let ext = Golden.ext(format.rawValue)
        let rule = try #require(RuleCatalog.description(for: "AC103"))
        try Golden.check(format.render(.rule(rule)), "rules/AC103-\(format.rawValue).\(ext)")
        if format != .markdown {  // the catalog as Markdown is docs/rules.md, checked by LintDocsTests
            try Golden.check(format.render(.catalog), "rules/catalog-\(format.rawValue).\(ext)")
        }
    }

    static func validation() -> ValidationReport {
        ValidationReport(
            spec: "tiny-llama", parameters: 1_234_567, context: 512, decodeSteps: 16, threads: 2,
            prefill: PhaseComparison(predicted: 0.125, measured: 0.1), decode: PhaseComparison(predicted: 0.004, measured: 0.005),
            predictedPrefill: ["attention": 0.025, "mlp": 0.1], predictedDecode: ["attention": 0.001, "mlp": 0.003],
            measuredPrefill: ["attention": 0.02, "mlp": 0.08], measuredDecode: ["attention": 0.0015, "mlp": 0.0035],
            prefillSamples: [0.1, 0.11, 0.1], decodeSamples: [0.005, 0.005, 0.006], otherCores: ["prefill": 0.1, "decode": 0],
            dispersion: ["prefill": Dispersion([0.1, 0.11, 0.1]), "decode": Dispersion([0.005, 0.005, 0.006])],
            accuracy: AccuracyVerdict(trustworthy: true, threshold: 0.1, reasons: []),
            stepSurface: StepSurfaceComparison(threads: 2, prefill: PhaseComparison(predicted: 0.105, measured: 0.1),
                                               decode: nil, extrapolated: false,
                                               hostSpeed: HostSpeedComparison(calibrated: 0.008, samples: [0.0088, 0.009, 0.0086])),
            notes: ["a note"])
    }

    @Test(arguments: ValidationFormat.allCases)
    func validate(format: ValidationFormat) throws {
        try Golden.check(format.render(Self.validation()), "validate/\(format.rawValue).\(Golden.ext(format.rawValue))")
    }
}

/// `calibrate --format json`: the profile's keys, through the one JSON writer (a measured profile changes with
/// every run, so this compares the two formats instead of a golden file).
@Suite struct CalibrationRendererTests {
    @Test func jsonHasTheYAMLKeysAndTheProfileVersion() throws {
        let profile = CalibrationProfileTests.syntheticProfile()
        let json = try TestJSON.parse(CalibrationFormat.json.render(profile))
        let yaml = try YAMLComposer.compose(Array(CalibrationFormat.yaml.render(profile).utf8))
        guard case .object(let members) = json, case .mapping(let mapping)? = yaml.root else {
            return #expect(Bool(false), "both are mappings")
        }
        #expect(Set(members.keys) == Set(mapping.entries.compactMap { $0.key.scalar?.value }))
        #expect(json["version"] == .number(Double(profile.version)))
    }
}
