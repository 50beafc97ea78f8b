import Foundation
import Testing

/// `size --kv-accounting`, `--explain`, `--best-dtype` and several `--hardware` devices, run through the binary.
@Suite struct SizeReverseCommandTests {
    static func json(_ arguments: [String]) throws -> (Int32, Any) {
        let result = try CLI.run(["size"] + arguments + ["--format", "json"])
        return (result.status, try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    }

    static func kv(_ accounting: String, context: String) throws -> (kv: Int, reserve: Int, parts: [[String: Any]]) {
        let (status, object) = try json(["specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--context", context,
                                         "--kv-accounting", accounting])
        #expect(status == 0)
        let memory = try #require((object as? [String: Any])?["memory"] as? [String: Any])
        return (try #require(memory["kv_cache"] as? Int), try #require(memory["reserve"] as? Int),
                try #require(memory["reserve_parts"] as? [[String: Any]]))
    }

    @Test func engineAccountingRoundsTheCacheAndModelsTheReserve() throws {
        // Llama-3.1-8B: 32 layers x 8 KV heads x 128 x (K and V) x 2 B = 131,072 B per token.
        let ideal = try Self.kv("ideal", context: "1000")
        #expect(ideal.kv == 1000 * 131_072)
        // The engine-neutral parts: 0.33 GiB context and libraries + 1 GiB captured graphs (one device).
        #expect(ideal.reserve == 354_334_802 + 1_073_741_824)
        #expect(ideal.parts.compactMap { $0["part"] as? String } == ["runtime context and libraries", "captured graphs"])
        let vllm = try Self.kv("vllm", context: "1000")
        #expect(vllm.kv == 1008 * 131_072)  // 63 blocks of 16
        // 8 GiB outside utilization 0.9 + 0.33 GiB non-torch + 1 GiB CUDA graphs (one device: no collectives).
        #expect(vllm.reserve == 8_589_934_592 + 354_334_802 + 1_073_741_824)
        #expect(vllm.parts.compactMap { $0["bytes"] as? Int }.reduce(0, +) == vllm.reserve)
        let llamacpp = try Self.kv("llamacpp", context: "1000")
        #expect(llamacpp.kv == 1024 * 131_072)  // padded to 256 cells
        #expect(try Self.kv("sglang", context: "1000").kv == 1000 * 131_072)  // token-granular
    }

    @Test func explicitReserveOverridesTheEngineModel() throws {
        let (_, object) = try Self.json(["specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--context", "1000",
                                         "--kv-accounting", "vllm", "--reserve", "2GiB"])
        let memory = try #require((object as? [String: Any])?["memory"] as? [String: Any])
        #expect(memory["reserve"] as? Int == 2_147_483_648)
        #expect((memory["reserve_parts"] as? [Any])?.isEmpty == true)
        #expect(memory["reserve_basis"] as? String == "requested")
    }

    @Test func expertParallelismIsALayoutChoice() throws {
        let mixtral = "Tests/Fixtures/hf/Mixtral-8x7B-v0.1.json"
        let text = try CLI.run(["size", mixtral, "--hardware", "h100-sxm", "--tp", "2", "--ep", "2", "--context", "4k"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Mixtral-8x7B-v0.1 on 2 x h100-sxm (tp 2, pp 1, ep 2): "))
        let (_, object) = try Self.json([mixtral, "--hardware", "h100-sxm", "--tp", "2", "--ep", "2", "--context", "4k"])
        #expect((object as? [String: Any])?["ep"] as? Int == 2)
        let bad = try CLI.run(["size", mixtral, "--hardware", "h100-sxm", "--tp", "4", "--ep", "3"])
        #expect(bad.status == 2 && bad.stderr.contains("--ep 3 does not divide --tp 4"))
        let dense = try CLI.run(["size", "specs/llama-3-8b.yaml", "--hardware", "h100-sxm", "--ep", "2"])
        #expect(dense.status == 2 && dense.stderr.contains("--ep 2 needs routed experts; llama-3-8b has none"))
    }

    @Test func theAllReduceIsAChoice() throws {
        let base = ["size", "specs/llama-3-70b.yaml", "--hardware", "h100-sxm", "--gpus", "4", "--context", "2k"]
        let nccl = try CLI.run(base + ["--allreduce", "nccl", "--explain"])
        #expect(nccl.status == 0 && nccl.stdout.contains("input: all-reduce latency 16.8 us (sgl-project/sglang PR #22734"))
        let custom = try CLI.run(base + ["--explain"])
        #expect(custom.stdout.contains("input: all-reduce latency 4.30 us (archcalc issue 13"))
        let bad = try CLI.run(base + ["--allreduce", "mpi"])
        #expect(bad.status == 2 && bad.stderr.contains("'custom' and 'nccl'"))
        let recommend = try CLI.run(["recommend", "specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--rate", "10",
                                     "--input-len", "1k", "--output-len", "128", "--tpot-p90", "50ms", "--tp", "2",
                                     "--chunk", "2048", "--allreduce", "nccl"])
        #expect(recommend.status == 0)
    }

    /// The reserve says where it comes from: the engine-neutral parts by default, a unified-memory profile's
    /// own share, or `--reserve`, in text, JSON and `--explain`.
    @Test func theReserveStatesItsBasis() throws {
        let base = ["size", "specs/llama-3.1-8b.yaml", "--context", "8k"]
        let neutral = try CLI.run(base + ["--hardware", "h100-sxm", "--explain"])
        #expect(neutral.stdout.contains("  runtime reserve, engine-neutral parts:\n    runtime context and libraries"))
        #expect(neutral.stdout.contains("    captured graphs                   1.00 GiB\n"))
        #expect(neutral.stdout.contains("formula: sum of engine-neutral runtime parts"))
        let (_, tp2) = try Self.json(["specs/llama-3-70b.yaml", "--hardware", "h100-sxm", "--gpus", "2", "--context", "8k"])
        let memory = try #require((tp2 as? [String: Any])?["memory"] as? [String: Any])
        #expect(memory["reserve_basis"] as? String == "runtime_parts")
        // Two devices add 2 / 8 GiB of collective buffers.
        #expect(memory["reserve"] as? Int == 354_334_802 + 1_073_741_824 + 268_435_456)
        let apple = try CLI.run(base + ["--hardware", "m4-max"])
        #expect(apple.stdout.contains("  runtime reserve, flat 25.0% of memory (the hardware profile's reserve)\n"))
        let flag = try CLI.run(base + ["--hardware", "h100-sxm", "--reserve", "10%", "--format", "markdown"])
        #expect(flag.stdout.contains("| runtime reserve, flat 10.0% of memory (--reserve) | 8.00 GiB | 8,589,934,592 |"))
    }

    @Test func textNamesTheEngineAndItsParts() throws {
        let result = try CLI.run(["size", "specs/gemma-3-4b-it.yaml", "--hardware", "h100-sxm", "--context", "32k",
                                  "--kv-accounting", "sglang"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("KV accounting SGLang"))
        #expect(result.stdout.contains("outside mem_fraction_static (less activations)"))
        let markdown = try CLI.run(["size", "specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--context", "8k",
                                    "--kv-accounting", "vllm", "--format", "markdown", "--explain"])
        #expect(markdown.stdout.contains("| - CUDA graphs | 1.00 GiB | 1,073,741,824 |"))
        #expect(markdown.stdout.contains("| number | value | formula | inputs | evidence | error band |"))
        let bad = try CLI.run(["size", "specs/gemma-3-4b-it.yaml", "--hardware", "h100-sxm", "--kv-accounting", "tgi"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("kv-accounting"))
    }

    @Test func explainGivesEveryNumbersBasis() throws {
        let text = try CLI.run(["size", "specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--context", "8k", "--explain"])
        #expect(text.status == 0)
        for quantity in ["weights", "kv_cache", "activations", "runtime_reserve", "prefill", "decode"] {
            #expect(text.stdout.contains("\n\(quantity): "), "\(quantity)")
        }
        #expect(text.stdout.contains("error band: "))
        let (_, object) = try Self.json(["specs/llama-3.1-8b.yaml", "--hardware", "h100-sxm", "--context", "8k"])
        let basis = try #require((object as? [String: Any])?["basis"] as? [[String: Any]])
        #expect(basis.map { $0["quantity"] as? String } == ["weights", "kv_cache", "activations", "runtime_reserve",
                                                             "prefill", "decode"])
        #expect(basis.allSatisfy { ($0["error_band"] as? String)?.isEmpty == false && $0["evidence"] != nil })
    }

    @Test func bestDtypeAnswersTheMostPreciseFit() throws {
        let result = try CLI.run(["size", "specs/llama-3-70b.yaml", "--hardware", "h100-sxm", "--context", "8k",
                                  "--batch", "4", "--best-dtype"])
        #expect(result.status == 0)
        // bf16 weights are 131 GiB; fp8 weights (67.7 GiB) miss by 286 MiB with a bf16 KV cache (10.0 GiB; with
        // 1.28 GiB of activations and 1.33 GiB of runtime parts) and fit with an fp8 one (5.00 GiB).
        #expect(result.stdout.contains("weights bf16, KV bf16: does not fit, needs 144 GiB"))
        #expect(result.stdout.contains("weights fp8, KV bf16: does not fit, needs 80.3 GiB"))
        #expect(result.stdout.contains("best: weights fp8, KV fp8"))
        let (status, object) = try Self.json(["specs/llama-3-70b.yaml", "--hardware", "h100-sxm", "--context", "8k",
                                              "--batch", "4", "--best-dtype"])
        #expect(status == 0)
        let best = try #require((object as? [String: Any])?["best"] as? [String: Any])
        #expect(best["weights_dtype"] as? String == "fp8")
        #expect(((object as? [String: Any])?["tried"] as? [Any])?.count == 6)
        let none = try CLI.run(["size", "specs/llama-3.1-405b.yaml", "--hardware", "l40s", "--best-dtype"])
        #expect(none.status == 1)
        #expect(none.stdout.contains("no combination"))
        let clash = try CLI.run(["size", "specs/llama-3-70b.yaml", "--hardware", "h100-sxm", "--best-dtype",
                                 "--sweep", "batch=1..4"])
        #expect(clash.status == 2)
    }

    @Test func severalDevicesGiveOneRowEach() throws {
        let result = try CLI.run(["size", "specs/llama-3-70b.yaml", "--hardware", "h100-sxm,h200", "--hardware", "l40s",
                                  "--context", "8k", "--batch", "16"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 5)  // title, header, three devices
        #expect(rows[2].hasPrefix("h100-sxm        4  tp 4 x pp 1   yes"))
        #expect(rows[3].hasPrefix("h200            2  tp 2 x pp 1   yes"))
        let (_, object) = try Self.json(["specs/llama-3-70b.yaml", "--hardware", "h100-sxm,h200,l40s", "--context", "8k"])
        #expect(((object as? [String: Any])?["results"] as? [Any])?.count == 3)
        #expect((object as? [String: Any])?["version"] as? Int == 2)
        let unknown = try CLI.run(["size", "specs/llama-3-70b.yaml", "--hardware", "h100-sxm,nonesuch"])
        #expect(unknown.status == 2)
        let empty = try CLI.run(["size", "specs/llama-3-70b.yaml", "--hardware", ","])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("name at least one device"))
    }
}
