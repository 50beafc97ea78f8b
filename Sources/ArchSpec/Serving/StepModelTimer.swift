/// Times a continuous-batching step with the kernel-by-kernel step model (`StepTime/`, what `archcalc size`
/// uses by default): sizing's `StepWorkBuilder` lays the replica's kernels out once, and each step only changes
/// the token count (M of every GEMM), the sequences (lm_head rows, KV read) and the prompt attention.
///
/// A step of `p` prompt tokens and `d` decodes runs its GEMMs at M = p + d, the lm_head for the `d` decodes and
/// the prompts that finish (`p / E[prompt]`), decode attention over the `d` sequences' KV at the mean live
/// context, and, when `p > 0`, FlashAttention-class prefill kernels for the chunk's attention FLOPs (the mean
/// prompt's cost per token, spread evenly over the attention layers as `size` spreads it).
struct StepModelTimer: StepTimer {
    /// The replica's kernels at one token and one sequence; attention layers marked by 1 FLOP.
    var template: StepWork
    var kernels: KernelTimes
    /// Per layer and device: cache bytes one decoding sequence reads.
    var cachePerSequence: [[Double]]
    /// Attention FLOPs of one prompt token in one attention layer on one device.
    var promptAttentionPerLayerToken: Double
    var meanPrompt: Double

    init(setup: Setup, candidate: Candidate, meanPrompt: Double) throws(ServingError) {
        let builder = StepWorkBuilder(setup: setup, candidate: candidate)
        template = builder.work(tokens: 1, sequences: 1, attentionFlopsPerLayer: 1)
        kernels = KernelTimes(hardware: setup.hardware)
        cachePerSequence = template.stages.map { $0.layers.map(\.cacheBytes) }
        let prompt = max(1, Int(meanPrompt.rounded(.up)))
        let estimate: Estimate
        do {
            estimate = try CostModel.estimate(setup.layers, options: CostOptions(
                context: prompt, batch: 1, weightsDType: setup.weights.dtype, kvDType: setup.kv.dtype))
        } catch { throw .sizing(.cost(error)) }
        let layers = Double(max(setup.spec.layers, 1))
        promptAttentionPerLayerToken = Double(estimate.flops.prefill.attention) / Double(prompt) / layers
            / Double(candidate.layout.tp)
        self.meanPrompt = meanPrompt
    }

    func seconds(_ step: BatchStep) -> Double {
        // With attention data parallelism each of dp replicas within the replica runs 1 / dp of the batch.
        let dp = Double(max(1, template.dp))
        let p = max(0, step.prefillTokens) / dp, d = max(0, step.decodes) / dp
        guard p + d > 0 else { return 0 }
        var work = template
        work.tokens = p + d
        work.sequences = max(1, d + (p > 0 ? max(1, p / max(meanPrompt, 1)) : 0))
        var prefillAttention = 0.0
        for s in work.stages.indices {
            for l in work.stages[s].layers.indices {
                let isAttention = work.stages[s].layers[l].attentionFlops > 0
                work.stages[s].layers[l].attentionFlops = 0
                work.stages[s].layers[l].cacheBytes = cachePerSequence[s][l] * d
                if isAttention, p > 0 {
                    prefillAttention += Double(work.stages[s].layers[l].count) * kernels.prefillAttention(
                        flops: p * promptAttentionPerLayerToken, context: meanPrompt, peak16: work.peak16)
                }
            }
        }
        return StepTimeModel.time(work, kernels: kernels).seconds + prefillAttention
    }
}
