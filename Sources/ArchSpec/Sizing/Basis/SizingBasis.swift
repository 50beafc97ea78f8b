/// The basis of every number in a `SizingResult` (`size --explain`, and always in JSON).
public enum SizingBasis {
    /// Step-time evidence: archcalc held against per-kernel timings measured on H100 SXM and H200 with
    /// TensorRT-LLM, 48 points (issue 13): estimated times were on the geometric mean 0.74 of the measured ones
    /// (0.86 bf16, 0.63 fp8, 0.25-0.55 for an MoE model at batch 1); 39 of 96 figures within 15%.
    static let rooflineEvidence = "held against per-kernel timings measured with TensorRT-LLM on H100 SXM and H200, 48 "
        + "points (issue 13): estimates were on the geometric mean 0.74 of measured times (0.86 bf16, 0.63 fp8, "
        + "0.25-0.55 for MoE at batch 1); 39 of 96 within 15%"

    /// The step model's evidence: `scripts/bench-steptime.py` against 18 published measurements and
    /// `scripts/bench-kernels-gpu.py` against per-kernel silicon measurements (docs/sizing.md, "Step time against
    /// published measurements" and "Kernels against silicon measurements").
    static let stepEvidence = "scripts/bench-steptime.py against 18 published measurements (NVIDIA NIM, vLLM nightly, "
        + "tt-inference-server, vLLM PRs #2192, #2542, #3240), kernel time only: predicted / measured geometric "
        + "mean 0.779, worst error 60.5%, 4 within 15%; 1.060 on the 4 TensorRT-LLM points, 0.713 on the 14 vLLM "
        + "ones, whose host time per step is not modelled; per kernel (scripts/bench-kernels-gpu.py, microsoft/vidur "
        + "H100 profiles): held-out bf16 GEMMs 0.998, 396 of 480 within 15%; held-out elementwise kernels 1.048, 231 "
        + "of 480 within 15% (docs/sizing.md)"

    /// The basis of a phase timed by the step-time model: its kernel sums and the figures' sources.
    static func stepEntry(_ name: String, phase: PhaseTiming, step: StepTime, hardware: HardwareProfile,
                          dtype: DType, expertsCrossNodes: Bool = false) -> BasisEntry {
        let kernels = KernelTimes(hardware: hardware)
        let p = kernels.parameters
        let t = HumanUnits.seconds
        var inputs = ["per step: GEMMs \(t(step.gemm)), MoE \(t(step.moe)), attention \(t(step.attention)), "
            + "elementwise \(t(step.elementwise)), launch \(t(step.launch)), communication \(t(step.communication)), "
            + "overhead \(t(step.overhead)); \(step.kernels) kernels; \(phase.steps) step\(phase.steps == 1 ? "" : "s")"]
        let curves: [(String, SourcedCurve?)] = [
            ("GEMM compute curve (\(dtype.rawValue))", p.gemmCompute?.curve(bits: dtype.bits, float: dtype != .int8 && dtype != .int4)),
            ("GEMM bandwidth curve (\(dtype.rawValue))", p.gemmBandwidth?.curve(bits: dtype.bits, float: dtype != .int8 && dtype != .int4)),
            ("prefill attention curve", p.attentionPrefill), ("decode attention curve", p.attentionDecode)]
        for (label, curve) in curves { if let source = curve?.source { inputs.append("\(label): \(source)") } }
        let figures: [(String, String?)] = [
            ("kernel floor", p.kernelFloor.map { "\(t($0.value)) (\($0.source ?? "default"))" }),
            ("decode attention latency", p.attentionDecodeLatency.map { "\(t($0.value)) (\($0.source ?? "default"))" }),
            ("elementwise latency", p.elementwiseLatency.map { "\(t($0.value)) (\($0.source ?? "default"))" }),
            ("elementwise bandwidth", p.elementwiseBandwidth.map { "\(HumanUnits.significant($0.value)) of bandwidth (\($0.source ?? "default"))" }),
            ("all-reduce latency", p.allReduceLatency.map { "\(t($0.value)) (\($0.source ?? "default"))" }),
            ("all-reduce bandwidth", p.allReduceBandwidth.map { "\(HumanUnits.significant($0.value)) of link (\($0.source ?? "default"))" }),
            ("all-to-all latency", p.allToAllLatency.map { "\(t($0.value)) (\($0.source ?? "default"))" }),
            ("all-to-all bandwidth", p.allToAllBandwidth.map { "\(HumanUnits.significant($0.value)) of link (\($0.source ?? "default"))" }),
            ("routing bias", p.routingBias.map { "\(HumanUnits.significant($0.value)) (\($0.source ?? "default"))" }),
            ("step overhead", p.stepOverhead.map { "\(t($0.value)) (\($0.source ?? "default"))" })]
        for (label, value) in figures { if let value { inputs.append("\(label) \(value)") } }
        if expertsCrossNodes, let nic = kernels.scaleOut {
            inputs.append("all-to-all across nodes (the expert group is wider than a node): \(t(nic.latency.value)) + bytes"
                + " at \(HumanUnits.significant(nic.bandwidth.value)) of \(SizingUnits.bandwidth(nic.link.value)) ("
                + "\(nic.latency.source ?? "default"); \(nic.link.source ?? "default"))")
        }
        for (op, figures) in p.elementwiseOps?.named ?? [] {
            guard let figures, figures.latency != nil || figures.bandwidth != nil else { continue }
            let latency = figures.latency.map { "\(t($0.value)) (\($0.source ?? "no source"))" } ?? "elementwise latency"
            let share = figures.bandwidth.map { "\(HumanUnits.significant($0.value)) (\($0.source ?? "no source"))" }
                ?? "elementwise bandwidth"
            inputs.append("elementwise \(op) \(latency) + bytes at \(share) of bandwidth")
        }
        return BasisEntry(
            quantity: name, value: HumanUnits.seconds(phase.seconds),
            formula: "step-time model (--timing step): per step, the sum of GEMMs (M, N, K, dtype on the profile's "
                + "curves), attention (prefill or paged decode curve), elementwise and norm kernels (each operation's fixed "
                + "latency + bytes at its bandwidth share, at least the kernel floor), launch, MoE grouped GEMMs with routing skew, all-reduce latency + "
                + "bytes / bandwidth and pipeline bubble, plus step overhead; times the steps (prefill chunks)",
            inputs: inputs, evidence: stepEvidence,
            errorBand: "predicted / measured 0.88 to 1.23 on the TensorRT-LLM points, 0.70 to 1.46 on held-out bf16 "
                + "GEMMs; engines with host time per step (vLLM) run up to 2.5x the estimate, which leaves step "
                + "overhead out")
    }

    public static func entries(_ r: SizingResult) -> [BasisEntry] {
        let m = r.memory, h = r.hardware
        var entries: [BasisEntry] = []
        entries.append(BasisEntry(
            quantity: "weights", value: HumanUnits.bytes(m.weights),
            formula: "sum over the fullest pipeline stage's layers of each matrix's tensor-parallel shard x bits / 8, "
                + "plus scales and zero points when quantised, plus replicated norms and biases",
            inputs: ["weights \(r.weights.summary)", "layout \(r.layout)"],
            evidence: "equal to the cost model's parameter count x width on every bundled spec and Hugging Face "
                + "fixture (SizingVariantTests)",
            errorBand: "exact for the tensors the spec describes; a checkpoint may carry extra tensors (vision towers, "
                + "MTP heads) that the spec leaves out"))
        entries.append(BasisEntry(
            quantity: "kv_cache", value: HumanUnits.bytes(m.kvCache),
            formula: kvFormula(r.kvAccounting),
            inputs: ["KV cache \(r.kv.summary)", "context \(r.context), batch \(r.batch)",
                     "accounting \(r.kvAccounting.rawValue)"],
            evidence: r.kvAccounting == .ideal
                ? "equal to the cost model's KV bytes on every bundled spec (SizingVariantTests)"
                : "the allocation rule read from the engine's source (docs/sizing.md cites file and behaviour); "
                    + "hand-worked in EngineCacheTests, not measured on a running engine",
            errorBand: r.kvAccounting == .ideal
                ? "exact for the cached tensors; engines allocate more (pages, padding, pools): see --kv-accounting"
                : "exact for the rule as read; engine versions and flags (prefix caching, --swa-full, "
                    + "disable_hybrid_swa_memory) change it"))
        entries.append(BasisEntry(
            quantity: "activations", value: HumanUnits.bytes(m.activations),
            formula: "tokens of one prefill step (min(batch x context, prefill chunk)) x (2 x hidden + this rank's q, k, v "
                + "+ widest feed-forward, twice when gated) at 16 bits, plus fp32 logits for the last token of each sequence",
            inputs: ["prefill chunk (--prefill-chunk, default \(SizingRequest.defaultPrefillChunk) tokens)", "layout \(r.layout)"],
            evidence: "a count of the live tensors in one step, not measured",
            errorBand: "not validated: treat as a factor of 2 either way (fused kernels hold less, eager frameworks more)"))
        entries.append(reserveEntry(m, hardware: h))
        let efficiency = h.efficiency ?? Efficiency()
        let factors = [
            "compute \(HumanUnits.significant(efficiency.compute?.value ?? Efficiency.defaults.compute)) of peak ("
                + (efficiency.compute?.source ?? "archcalc default, typical tuned kernels, not measured") + ")",
            "memory \(HumanUnits.significant(efficiency.memory?.value ?? Efficiency.defaults.memory)) of bandwidth ("
                + (efficiency.memory?.source ?? "archcalc default, not measured") + ")",
            "communication \(HumanUnits.significant(efficiency.communication?.value ?? Efficiency.defaults.communication)) "
                + "of link bandwidth (" + (efficiency.communication?.source ?? "archcalc default, not measured") + "), "
                + "latency \(HumanUnits.seconds(h.interconnect.latency?.value ?? Efficiency.defaultLatency)) per collective",
            "peak \(HumanUnits.significant(r.prefill.peakFlopsPerDevice / 1e12)) TFLOP/s \(r.computeDType.rawValue) ("
                + (h.peakFlops.figure(for: r.computeDType)?.source ?? "profile") + ")",
            "bandwidth \(HumanUnits.significant(h.memoryBandwidth.value / 1e12)) TB/s (" + (h.memoryBandwidth.source ?? "profile") + ")",
        ] + efficiency.curves.map { "measured \($0.operator.rawValue) curve (\($0.source ?? "calibration"))" }
        for (name, phase) in [("prefill", r.prefill), ("decode", r.decode)] {
            if let step = phase.step {
                entries.append(stepEntry(name, phase: phase, step: step, hardware: h, dtype: r.computeDType,
                                         expertsCrossNodes: r.layout.expertsCrossNodes(on: h)))
                continue
            }
            entries.append(BasisEntry(
                quantity: name, value: HumanUnits.seconds(phase.seconds),
                formula: "roofline (--timing roofline): max(FLOPs / (tp x peak x compute efficiency), bytes per device / "
                    + "(bandwidth x memory efficiency)) + all-reduces x (ring bytes / (link x communication efficiency) + "
                    + "latency) + pipeline sends; datasheet figure \(HumanUnits.seconds(phase.idealSeconds))",
                inputs: factors, evidence: rooflineEvidence,
                errorBand: "measured times ran about 1.15x (bf16) to 1.6x (fp8) the estimate, up to 4x for MoE at "
                    + "batch 1; communication-bound steps overestimated"))
        }
        return entries
    }

    static func kvFormula(_ accounting: KVAccounting) -> String {
        let exact = "layers x cached tokens x this rank's KV elements per token x bits / 8 (sliding layers "
            + "min(window, context)), plus recurrent state per sequence, times batch"
        return switch accounting {
        case .ideal: exact
        case .vllm: exact + "; vLLM: tokens rounded up to 16-token blocks (larger when Mamba pages need them), "
            + "sliding layers window + 1 block, chunked-local layers full, one Mamba page per layer, layer groups padded"
        case .sglang: exact + "; SGLang: token-granular pool, window pool 0.8 x the full pool, 3 Mamba slots per request"
        case .llamacpp: exact + "; llama.cpp: cells padded to 256 per sequence, sliding layers window + 512 "
            + "(padded), recurrent state in fp32"
        }
    }

    static func reserveEntry(_ m: DeviceMemory, hardware: HardwareProfile) -> BasisEntry {
        if let overhead = m.overhead {
            let neutral = overhead.engine == .ideal
            return BasisEntry(
                quantity: "runtime_reserve", value: HumanUnits.bytes(m.reserve),
                formula: "sum of \(overhead.owner) runtime parts (the default; --reserve or a profile's reserve sets a "
                    + "flat figure instead)",
                inputs: overhead.parts.map { "\($0.name) \(HumanUnits.bytes($0.bytes)): \($0.source)" },
                evidence: (neutral ? "each constant from an engine's logged or documented figures" : "each constant from "
                    + "the engine's code or its logged figures") + "; the total not yet held against a running engine's "
                    + "free memory",
                errorBand: neutral
                    ? "captured graphs 0.13 to 3 GiB by model and capture sizes; allocator fragmentation is not counted; "
                        + "an engine that caps its memory (vLLM's gpu_memory_utilization 0.9) holds more: --kv-accounting"
                    : "CUDA graphs 0.36 to 3 GiB by model and capture sizes; the rest as the engine computes it")
        }
        return BasisEntry(
            quantity: "runtime_reserve", value: HumanUnits.bytes(m.reserve),
            formula: SizingUnits.reserveBasis(m),
            inputs: ["reserve " + (m.reserveBasis == .profile ? hardware.reserve?.source ?? "the profile's" : "--reserve")],
            evidence: m.reserveBasis == .profile ? "the hardware profile's figure and its source"
                : "the figure given on the command line",
            errorBand: "as exact as the figure given; the runtime-parts model (no --reserve) holds 1.33 GiB on one "
                + "80 GiB device")
    }
}
