/// How the KV cache and recurrent state are allocated: exactly the tokens attention reads (`ideal`), or the
/// way a serving engine allocates them (paged blocks, pools, padded contiguous caches). Sources for every
/// constant are in `docs/sizing.md` ("Engine semantics") and in `EngineConstants`.
public enum KVAccounting: String, Hashable, Codable, Sendable, CaseIterable {
    /// Every layer holds exactly the tokens it attends to (sliding layers min(window, context)); state once.
    case ideal
    /// vLLM v1: 16-token blocks, sliding layers keep their window plus one block, chunked-local layers are
    /// allocated as full attention, Mamba state takes one page padded to the attention page, layer groups are
    /// padded to a common size.
    case vllm
    /// SGLang: a token-granular pool (page size 1); hybrid sliding-window models get a window pool sized at
    /// 0.8 of the full pool; three Mamba state slots per running request.
    case sglang
    /// llama.cpp: one contiguous cache per sequence padded to 256 cells; sliding layers keep window + ubatch
    /// (padded to 256); recurrent state in fp32, one cell per sequence.
    case llamacpp

    /// One line for help text: `ideal, vllm, sglang or llamacpp`.
    public static var names: String {
        let all = allCases.map(\.rawValue)
        return all.dropLast().joined(separator: ", ") + " or " + (all.last ?? "")
    }

    /// The engine's name as people write it.
    public var displayName: String {
        switch self {
        case .ideal: "ideal"
        case .vllm: "vLLM"
        case .sglang: "SGLang"
        case .llamacpp: "llama.cpp"
        }
    }
}

/// The engine defaults the KV accounting and the runtime-overhead model use, each with where it comes from.
public enum EngineConstants {
    /// vLLM's default KV block, tokens (`CacheConfig.block_size`, vllm/config/cache.py).
    public static let vllmBlockTokens = 16
    /// vLLM's block-size alignment when Mamba pages force larger attention blocks
    /// (`HybridAttentionMambaModelConfig`, vllm/model_executor/models/config.py; FlashAttention's 16).
    public static let vllmBlockAlignment = 16
    /// vLLM's default `gpu_memory_utilization` (vllm/config/cache.py).
    public static let vllmMemoryUtilization = 0.9
    /// SGLang's default token pool page, tokens (`ServerArgs.page_size`, python/sglang/srt/server_args.py).
    public static let sglangPageTokens = 1
    /// SGLang's default window-pool to full-pool size ratio (`swa_full_tokens_ratio`, server_args.py).
    public static let sglangSWARatioNumerator = 4
    public static let sglangSWARatioDenominator = 5
    /// Mamba state slots SGLang keeps per running request with the radix cache on
    /// (`MAMBA_CACHE_SIZE_MAX_RUNNING_REQUESTS_RATIO`, model_runner_kv_cache_mixin.py).
    public static let sglangMambaSlotsPerRequest = 3
    /// llama.cpp pads n_ctx and each sequence's cache to 256 cells (llama-context.cpp, `GGML_PAD(..., 256)`).
    public static let llamacppPadCells = 256
    /// llama.cpp's default micro-batch, tokens (`n_ubatch` 512, common/common.h); the window cache keeps
    /// n_swa + n_ubatch cells (llama-kv-cache-iswa.cpp).
    public static let llamacppMicroBatch = 512
}
