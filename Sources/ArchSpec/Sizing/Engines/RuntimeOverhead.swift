/// Memory a serving runtime holds per device besides weights, KV cache and the activation workspace, part by
/// part, each with its source: an engine's (`--kv-accounting vllm|sglang|llamacpp`) or, by default, archcalc's
/// engine-neutral parts (runtime context and libraries, captured graphs, collective buffers). `--reserve` and a
/// profile's `reserve` replace it with a flat figure (`ReserveBasis`).
public struct RuntimeOverhead: Hashable, Codable, Sendable {
    /// One part: what it is, its bytes, and where the figure comes from.
    public struct Part: Hashable, Codable, Sendable {
        public var name: String
        public var bytes: Int128
        public var source: String
    }

    /// The engine whose parts these are; `ideal` for archcalc's engine-neutral parts.
    public var engine: KVAccounting
    public var parts: [Part]
    public var total: Int128 { parts.reduce(0) { $0 + $1.bytes } }

    /// Whose parts these are, as a report says it: `engine-neutral` or `vLLM's`.
    public var owner: String { engine == .ideal ? "engine-neutral" : engine.displayName + "'s" }

    static let gib: Double = 1_073_741_824
    static let mib: Double = 1_048_576

    /// CUDA context, cuBLAS workspaces and other memory outside the framework's allocator: vLLM's profiler
    /// logs "non_torch_memory takes 0.33GiB" (vllm-project/vllm#14452, single GPU).
    static let nonTorch = 0.33 * gib
    /// vLLM's CUDA graphs: "CUDA graphs can take additional 1~3 GiB memory per GPU" (vLLM's capture message,
    /// quoted in mlcommons/inference#2267); its own estimate was 0.36 GiB for a small model
    /// (gpustack/runner#251). The lower end of vLLM's range.
    static let vllmGraphs = 1.0 * gib

    /// The overhead of `engine` on a device of `capacity` bytes in `layout`, with prefill steps of `chunk`
    /// tokens and `activations` bytes of activation workspace already counted; for `ideal`, the engine-neutral
    /// parts.
    static func estimate(
        _ engine: KVAccounting, capacity: Double, layout: ParallelLayout, chunk: Int, activations: Int128
    ) -> RuntimeOverhead {
        let ranks = Double(layout.devices)
        // NCCL and custom all-reduce buffers: SGLang's server_args.py reserves tp x pp / 8 GiB for them.
        let collectives = ranks > 1 ? ranks / 8 * gib : 0
        func bytes(_ value: Double) -> Int128 { Int128(value.rounded()) }
        switch engine {
        case .ideal:
            return RuntimeOverhead(engine: engine, parts: [
                Part(name: "runtime context and libraries", bytes: bytes(nonTorch),
                     source: "memory outside the framework's allocator (CUDA context and libraries): "
                        + "non_torch_memory 0.33 GiB in vLLM's profiler log (vllm-project/vllm#14452; 0.39 GiB in #11251)"),
                Part(name: "captured graphs", bytes: bytes(vllmGraphs),
                     source: "CUDA graphs, captured by vLLM, SGLang and TensorRT-LLM by default: 1 GiB, the lower end of "
                        + "vLLM's \"1~3 GiB per GPU\" (capture log, mlcommons/inference#2267); measured 0.13 and 0.21 GiB "
                        + "for 1B models (generative-computing/mellea#416, vllm-project/vllm#11349)"),
                Part(name: "collective buffers", bytes: bytes(collectives),
                     source: "tp x pp / 8 GiB, SGLang's allowance for NCCL and custom all-reduce buffers (server_args.py "
                        + "_handle_gpu_memory_settings)"),
            ].filter { $0.bytes > 0 })
        case .vllm:
            let outside = (1 - EngineConstants.vllmMemoryUtilization) * capacity
            return RuntimeOverhead(engine: engine, parts: [
                Part(name: "outside gpu_memory_utilization 0.9", bytes: bytes(outside),
                     source: "vLLM CacheConfig.gpu_memory_utilization default 0.9 (vllm/config/cache.py)"),
                Part(name: "non-torch memory", bytes: bytes(nonTorch),
                     source: "vLLM profiler log, non_torch_memory 0.33 GiB (vllm-project/vllm#14452)"),
                Part(name: "CUDA graphs", bytes: bytes(vllmGraphs),
                     source: "vLLM: CUDA graphs take 1~3 GiB per GPU (capture log, mlcommons/inference#2267)"),
                Part(name: "collective buffers", bytes: bytes(collectives),
                     source: "tp x pp / 8 GiB, SGLang's allowance (server_args.py _handle_gpu_memory_settings)"),
            ].filter { $0.bytes > 0 })
        case .sglang:
            let reserved = sglangReserved(capacity: capacity, layout: layout, chunk: chunk)
            // SGLang's reserve covers activations too; archcalc counts them separately, so only the rest is added.
            let rest = max(0, bytes(reserved) - activations)
            return RuntimeOverhead(engine: engine, parts: [
                Part(name: "outside mem_fraction_static (less activations)", bytes: rest,
                     source: "SGLang reserved_mem = 512 MiB + 1.5 MiB x max(chunk, 2048) + 2 MiB x cuda_graph_max_bs "
                        + "+ tp x pp / 8 GiB, at least 10 GiB above 60 GiB (server_args.py)"),
            ])
        case .llamacpp:
            return RuntimeOverhead(engine: engine, parts: [
                Part(name: "CUDA context and workspaces", bytes: bytes(nonTorch),
                     source: "measured non-framework memory 0.33 GiB (vllm-project/vllm#14452); llama.cpp's compute "
                        + "buffers are the activation workspace"),
            ])
        }
    }

    /// SGLang's `reserved_mem` in bytes for a device of `capacity` bytes (server_args.py).
    static func sglangReserved(capacity: Double, layout: ParallelLayout, chunk: Int) -> Double {
        let memoryMiB = capacity / mib
        let small = layout.tp < 4
        let graphBatch: Double = switch memoryMiB {
        case ..<(20 * 1024): 8
        case ..<(35 * 1024): small ? 24 : 80
        case ..<(60 * 1024): small ? 32 : 160
        case ..<(160 * 1024): small ? 256 : 512
        default: 512
        }
        var reserved = 512 + Double(max(chunk, 2048)) * 1.5 + graphBatch * 2 + Double(layout.devices) / 8 * 1024
        if memoryMiB > 60 * 1024 { reserved = max(reserved, 10 * 1024) }
        return reserved * mib
    }
}
