#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times a continuous-batching step with sizing's roofline (`Roofline.time`, the model behind `archcalc size`):
/// `max(compute, memory) + communication` with the profile's efficiency factors.
///
/// A step of `p` prompt tokens and `d` decodes does the FLOPs of `p + d` tokens through the layers, lm_head rows
/// for the `d` decodes and the prompts that finish (`p / E[prompt]`), prompt attention at the mean prompt's cost
/// per token and decode attention at the mean live context; it reads the weights once (of routed experts, the
/// share `p + d` tokens touch), the decodes' KV cache, and the chunk's own KV twice (written, read back) plus
/// half a mean prompt of prefix per chunk. Every figure is per device of the fullest path, pipeline stages summed.
struct RooflineStepTimer: StepTimer {
    var layout: ParallelLayout
    var hardware: HardwareProfile
    /// Peak dense FLOP/s of one device in the compute dtype.
    var peak: Double
    var layerFlopsPerToken: Double
    var headFlopsPerSequence: Double
    var prefillAttentionPerToken: Double
    var decodeAttentionPerSequence: Double
    var meanPrompt: Double
    /// Weight bytes one device reads per step: dense part and routed experts (with top_k of experts).
    var denseWeightBytes: Double
    var routedWeightBytes: Double
    var routedShare: Double
    var kvBytesPerDecode: Double
    var kvBytesPerPromptToken: Double
    /// Bytes of one token's hidden state (all-reduce and pipeline messages).
    var tokenMessageBytes: Double
    var layers: Double

    init(setup: Setup, candidate: Candidate, meanPrompt: Double, meanLiveContext: Double) throws(ServingError) {
        let spec = setup.spec, model = candidate.model
        layout = candidate.layout
        hardware = setup.hardware
        peak = setup.peak
        self.meanPrompt = meanPrompt
        let prompt = max(1, Int(meanPrompt.rounded(.up))), live = max(1, Int(meanLiveContext.rounded(.up)))
        do {
            let options = { (context: Int) in
                CostOptions(context: context, batch: 1, weightsDType: setup.weights.dtype, kvDType: setup.kv.dtype) }
            let atPrompt = try CostModel.estimate(setup.layers, options: options(prompt))
            let atLive = try CostModel.estimate(setup.layers, options: options(live))
            layerFlopsPerToken = 2 * Double(try setup.layers.sum("layer weights") { $0.matricesPerToken })
                + Double(atPrompt.flops.prefill.recurrent) / Double(prompt)
            headFlopsPerSequence = 2 * Double(try setup.layers.lmHeadMatrices)
            prefillAttentionPerToken = Double(atPrompt.flops.prefill.attention) / Double(prompt)
            decodeAttentionPerSequence = Double(atLive.flops.decode.attention)
        } catch {
            throw .sizing(.cost(error))
        }
        var decodeKV: Int128 = 0, promptKV: Int128 = 0
        do {
            for stage in model.weightsPerStage.indices {
                decodeKV += try model.kvBytes(stage: stage, context: live, batch: 1)
                promptKV += try model.kvBytes(stage: stage, context: prompt, batch: 1)
            }
        } catch { throw .sizing(error) }
        kvBytesPerDecode = Double(decodeKV)
        kvBytesPerPromptToken = Double(promptKV) / Double(prompt)
        let routed = Double(model.routedExpertsPerStage.reduce(0, +))
        routedWeightBytes = routed
        denseWeightBytes = Double(model.weightsPerStage.reduce(0, +)) - routed
        if let moe = spec.moe, moe.experts > 0 { routedShare = min(1, Double(moe.topK) / Double(moe.experts)) } else {
            routedShare = 1
        }
        tokenMessageBytes = Double(spec.hiddenSize) * Double(setup.activationBits / 8)
        layers = Double(spec.layers)
    }

    func seconds(_ step: BatchStep) -> Double {
        let p = max(0, step.prefillTokens), d = max(0, step.decodes)
        let tokens = p + d
        guard tokens > 0 else { return 0 }
        let finishing = meanPrompt > 0 ? min(p, p / meanPrompt) : 0
        let linear = tokens * layerFlopsPerToken + (d + finishing) * headFlopsPerSequence
        let attention = p * prefillAttentionPerToken + d * decodeAttentionPerSequence
        let touched = routedWeightBytes * (1 - pow(1 - routedShare, tokens))
        var bytes = denseWeightBytes + touched + d * kvBytesPerDecode
        if p > 0 { bytes += (2 * p + meanPrompt / 2) * kvBytesPerPromptToken }
        let message = tokens * tokenMessageBytes
        let work = PhaseWork(
            linearFlops: Self.count(linear), attentionFlops: Self.count(attention), bytesPerDevice: Self.count(bytes),
            allReduces: Int128(2 * layers), allReduceBytes: Self.count(message),
            sends: Int128(layout.pp - 1), sendBytes: Self.count(message))
        return Roofline.time(work, layout: layout, hardware: hardware, peak: peak).seconds
    }

    /// A non-negative count as `Int128`, capped at 10^30 (far beyond any step; keeps hostile inputs finite).
    static func count(_ value: Double) -> Int128 {
        guard value.isFinite, value > 0 else { return 0 }
        return Int128(min(value, 1e30).rounded())
    }
}
