extension StepTimeParameters {
    static let issue13 = "archcalc issue 13, silicon reference (TensorRT-LLM kernels timed on H100 SXM and H200)"
    static let fitted = "fitted: scripts/bench-steptime.py against the published step times in docs/sizing.md"
        + " (\"Step time against published measurements\")"
    static let vllmGEMM = "vllm-project/vllm PR #49363, benchmark_fp8_gemm.py on H100, N = 12288, K = 5376"
    static let vidurGEMM = "fitted: scripts/fit-gemm-curves.py to microsoft/vidur @ 7d47513,"
        + " data/profiling/compute/h100/meta-llama/{Llama-2-7b-hf,Llama-2-70b-hf}/mlp.csv (fp16 qkv, o, gate_up and"
        + " down GEMMs timed on H100, M = 1..4096, TP 1/2/4/8, 320 points); held out: CodeLlama-34B, Qwen-72B and"
        + " InternLM-20B from the same data (480 points, docs/sizing.md)"
    static let vidurElementwise = "fitted: scripts/fit-elementwise.py to microsoft/vidur @ 7d47513,"
        + " data/profiling/compute/h100/meta-llama/{Llama-2-7b-hf,Llama-2-70b-hf}/mlp.csv (fp16 input_layernorm,"
        + " attn_rope, mlp_act and add timed on H100, M = 1..4096, TP 1/2/4/8, 320 points, each priced by its own bytes,"
        + " passes x M x width x 2: norm 3 x hidden, rope 2 x this rank's q and k heads, gated activation 3 x ffn / tp, add"
        + " 3 x hidden); held out: CodeLlama-34B, Qwen-72B and InternLM-20B (480 points, docs/sizing.md)"
    static let vidurPerOp = "fitted: scripts/fit-elementwise.py --per-op, the same 320 vidur points as elementwise_latency,"
        + " one latency and fraction per operation; held out: CodeLlama-34B, Qwen-72B and InternLM-20B (480 points,"
        + " docs/sizing.md)"
    static let pplxNVLink = "fitted: scripts/fit-alltoall.py to perplexityai/pplx-kernels README.md (Benchmark Results;"
        + " vendored in magnate3/linux-riscv-dev @ 65a0520, nccl/plugin/pplx-kernels/README.md), NVLink EP8 dispatch and"
        + " combine at 1 and 128 tokens per GPU: 41.6 / 41.7 / 83.6 / 102.3 us (DeepSeek-V3 shapes: hidden 7168, top-8,"
        + " fp8 dispatch, bf16 combine); 4 points, none held out (docs/sizing.md)"
    static let deepEPLowLatency = "fitted: scripts/fit-alltoall.py to deepseek-ai/DeepEP README.md @ 0aaa674, low-latency"
        + " kernels on H800 with CX7 400 Gb/s InfiniBand, EP16..256, 128 tokens per rank, hidden 7168, top-8: dispatch 118"
        + " to 194 us, combine 195 to 369 us (10 points); held out: pplx-kernels' IBGDA kernels, which it prices at 0.29"
        + " of their times (docs/sizing.md)"
    static let flashInferDecode = "fitted: vllm-project/flash-attention PR #63 (FlashInfer batch-1 paged decode on H100,"
        + " qwen32b-tp2, 4 KV heads of 128 per device, bf16): 12.3 / 15.9 / 25.1 us at context 1k / 4k / 16k (2.1 /"
        + " 8.4 / 33.5 MB of KV); 2k and 8k held out (scripts/kernel-points.json)"
    static let fa3 = "pytorch/benchmark commit ff65cb6 (PR #2391): FlashAttention-3 forward on H100, head dim 128,"
        + " 430 / 517 / 566 / 590 / 614 / 621 TFLOPS at 512 / 1k / 2k / 4k / 8k / 16k tokens, over 989.4 TFLOPS dense bf16"
    static let vllmMoE = "derived from vllm-project/vllm PR #24700, benchmark_moe.py on H100 80GB HBM3 (fused MoE per"
        + " layer, random routing): Qwen3-30B-A3B fp8 TP1 40.44 / 118.64 / 210.07 us at batch 1 / 8 / 32 and"
        + " Mixtral-8x7B bf16 TP2 471.49 us at batch 16; y = touched experts' weight bytes / (3.35 TB/s x (time - 9 us"
        + " of routing kernels)); its other batch sizes are check points (docs/sizing.md)"

    /// The defaults every profile starts from. They describe tuned NVIDIA Hopper-class serving kernels (the only
    /// silicon the sources measured); other devices inherit them until a profile or calibration says otherwise.
    public static let defaults = StepTimeParameters(
        gemmCompute: DTypeCurves(
            bf16: SourcedCurve([(1, 0.30), (16, 0.40), (64, 0.55), (256, 0.607), (1024, 0.741), (4096, 0.885)],
                               source: vidurGEMM),
            fp8: SourcedCurve([(1, 0.25), (16, 0.32), (64, 0.45), (256, 0.55), (1024, 0.62), (4096, 0.66)],
                              source: issue13 + ": fp8 GEMMs reach 0.49-0.68 of dense peak; the small-M end " + fitted),
            int4: SourcedCurve([(1, 0.20), (64, 0.40), (256, 0.55), (1024, 0.62)],
                               source: "assumption: W4A16 dequantises to bf16 in the GEMM main loop; bf16's curve less"
                                   + " about a sixth, not measured")),
        gemmBandwidth: DTypeCurves(
            bf16: SourcedCurve([(1, 0.825), (16, 0.798), (64, 0.782), (256, 0.637), (1024, 0.695)], source: vidurGEMM
                + "; consistent with " + vllmGEMM + ": torch bf16 at 0.82-0.87 of 3.35 TB/s for its 132 MB of weights"
                + " at M = 1..128"),
            fp8: SourcedCurve([(1, 0.54), (16, 0.52), (64, 0.50), (256, 0.45)],
                              source: issue13 + ": fp8 GEMMs stream weights at 0.34-0.54 of bandwidth at batch 1; the"
                                  + " top of the range for the largest shards, gemm_size takes small shards toward 0.34"),
            int4: SourcedCurve([(1, 0.50), (64, 0.45)],
                               source: "assumption: as fp8 (dequantising kernels stream below bf16's rate), not measured")),
        gemmSize: SourcedCurve([(1e6, 0.29), (4e6, 0.535), (16e6, 0.777), (64e6, 1.0)], source: vidurGEMM),
        attentionPrefill: SourcedCurve([(512, 0.435), (1024, 0.523), (2048, 0.572), (4096, 0.596), (8192, 0.621),
                                        (16384, 0.628)], source: fa3),
        attentionDecode: SourcedCurve([(2.1e6, 0.733)], source: flashInferDecode + ": the slope, (25.1 - 12.3) us for"
            + " 31.5 MB more KV, is 0.733 of 3.35 TB/s"),
        attentionDecodeLatency: Sourced(11.45e-6, source: flashInferDecode + ": the intercept, 12.3 us less 2.1 MB at"
            + " 0.733 of 3.35 TB/s; " + issue13 + ": attention is inefficient at batch 1"),
        moeBandwidth: SourcedCurve([(37.7e6, 0.358), (243.6e6, 0.663), (527.4e6, 0.783), (1395.2e6, 0.900)],
                                   source: vllmMoE),
        moeCompute: Sourced(0.89, source: "derived from vllm-project/vllm PR #24700 (H100, benchmark_moe.py): Mixtral-8x7B"
            + " bf16 TP2 833.72 / 1122.93 us at batch 1024 / 1536; with the weight streaming added in quadrature and the"
            + " routing kernels priced by their bytes, the arithmetic runs at 0.89 of gemm_compute (gemm_size read over"
            + " the touched experts together) at 256 / 384 rows per expert (one figure for both, within 4%)"),
        kernelFloor: Sourced(3e-6, source: issue13 + ": about 3 us per elementwise kernel"),
        elementwiseBandwidth: Sourced(0.71, source: vidurElementwise + ": the fraction"),
        elementwiseLatency: Sourced(1.8e-6, source: vidurElementwise + ": the latency"),
        launch: .graph,
        eagerLaunch: Sourced(5e-6, source: "assumption: host launch cost per kernel in an eager Python engine;"
            + " not measured here, set it from a profile trace"),
        allReduceLatency: Sourced(4.3e-6, source: issue13 + ": 0.69 ms of all-reduce per decode step of Llama-3-70B"
            + " at TP4 on H100, 160 all-reduces, 4.3 us each"),
        allReduceBandwidth: Sourced(0.75, source: "archcalc's communication efficiency default (docs/hardware.md)"),
        allToAllLatency: Sourced(41.5e-6, source: pplxNVLink + ": the latency"),
        routingBias: Sourced(2.44, source: "derived: NVIDIA/TensorRT-LLM examples/wide_ep/ep_load_balancer/README.md,"
            + " DeepSeek-R1 at EP 32 without a load balancer (mean 1024 routed tokens per rank): average imbalance ratio"
            + " (max - mean) / mean 1.564 (0.115 with EPLB); bias 2.44 gives 2.44 x 1024 + sqrt(2 x 2.44 x 1024 x ln 32)"
            + " = 2.564 x 1024. Measured on DeepSeek-R1 only; it acts on expert-parallel ranks, not on ep = 1"),
        stepOverhead: Sourced(0, source: "kernel time only, as the per-kernel reference sums it; an engine's host"
            + " time per step goes here"),
        allReduce: .custom,
        elementwiseOps: ElementwiseOpFigures(
            norm: ElementwiseFigures(latency: Sourced(4.0e-6, source: vidurPerOp + ": input_layernorm (RMSNorm, 3 passes)"),
                                     bandwidth: Sourced(0.75, source: vidurPerOp + ": input_layernorm")),
            residualAdd: ElementwiseFigures(
                latency: Sourced(0.05e-6, source: vidurPerOp + ": add (3 passes); it runs 1-2 us at M <= 128, under the"
                    + " kernel floor, which bounds it"),
                bandwidth: Sourced(1.0, source: vidurPerOp + ": add, at the grid's top")),
            rope: ElementwiseFigures(latency: Sourced(1.85e-6, source: vidurPerOp + ": attn_rope (2 passes of q and k)"),
                                     bandwidth: Sourced(0.53, source: vidurPerOp + ": attn_rope")),
            activation: ElementwiseFigures(latency: Sourced(3.0e-6, source: vidurPerOp + ": mlp_act (SiLU-and-mul, 3 passes)"),
                                           bandwidth: Sourced(0.63, source: vidurPerOp + ": mlp_act"))),
        allToAllBandwidth: Sourced(0.42, source: pplxNVLink + ": the fraction of H100's 450 GB/s per direction"),
        scaleOutBandwidth: scaleOutLink)

    /// The all-to-all latency on links other than NVLink (InfiniBand, RoCE, Ethernet, PCIe and the rest): DeepEP's
    /// low-latency kernels over RDMA.
    static let rdmaAllToAllLatency = Sourced<Seconds>(13.5e-6, source: deepEPLowLatency + ": the latency")
    /// The all-to-all bandwidth fraction on links other than NVLink (DeepEP's logical bandwidth reaches the NIC's).
    static let rdmaAllToAllBandwidth = Sourced<Fraction>(1.0, source: deepEPLowLatency + ": the fraction of 50 GB/s,"
        + " at the grid's top")

    /// One device's network link between nodes, bytes/s per direction: the 400 Gb/s ConnectX-7 NIC per GPU that
    /// DeepEP's RDMA figures were measured on (and that H100/H200 HGX nodes carry); the all-to-all of an expert
    /// group wider than an NVLink node crosses it.
    static let scaleOutLink = Sourced<BytesPerSecond>(50e9, source: "deepseek-ai/DeepEP README.md @ 0aaa674: H800 with CX7"
        + " 400 Gb/s InfiniBand (~50 GB/s) per GPU, the link its RDMA all-to-all figures were measured on")

    /// The NVLink all-reduce latency under NCCL (`step_time.allreduce: nccl`, `--allreduce nccl`).
    static let ncclAllReduceLatency = Sourced<Seconds>(16.84e-6, source: "sgl-project/sglang PR #22734 (MSCCL++"
        + " integration), the description's first kernel-latency table (one node; its next section is 'Two-node (H200,"
        + " TP=16)'): PyNCCL all-reduce captured in a CUDA graph, 16.84 us at 2 KiB, 20.13 us at 128 KiB, 27.00 us at"
        + " 1 MiB; the smallest message as the latency")
}
