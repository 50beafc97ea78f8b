import ArchSpec
import Testing

/// archcalc against transformers on every reference config: totals, active parameters, vision towers, cache.
struct HFReferenceTests {
    @Test(arguments: HFReference.counted)
    func parametersEqualTransformers(_ entry: HFReference.Entry) throws {
        let spec = try ArchFixtures.load(entry.path)
        let parameters = try ArchFixtures.estimate(spec, context: 1).parameters
        // transformers' total of a multimodal wrapper includes the vision tower; archcalc reports it apart.
        #expect(parameters.total + parameters.vision == entry.total)
        #expect(parameters.active == entry.active)
        #expect(parameters.vision == entry.vision)
    }

    @Test(arguments: HFReference.counted)
    func convertedSpecGivesIdenticalNumbers(_ entry: HFReference.Entry) throws {
        let conversion = SpecConversion.convert(path: entry.path)
        let yaml = try #require(conversion.yaml)
        let converted = ArchFixtures.yaml(yaml, file: "converted.yaml")
        #expect(!converted.hasErrors, "\(converted.diagnostics.map(\.oneLine))")
        let original = try ArchFixtures.load(entry.path)
        let spec = try #require(converted.spec)
        #expect(try ArchFixtures.estimate(spec, context: 4096) == ArchFixtures.estimate(original, context: 4096))
    }

    /// Per-token KV growth and constant state against the cache transformers grows on tiny configs (fp32).
    @Test(arguments: HFReference.tiny)
    func cacheEqualsMeasured(_ entry: HFReference.Entry) throws {
        let spec = try ArchFixtures.load(entry.path)
        var options = CostOptions()
        options.kvDType = .fp32
        let one = try #require(entry.cacheBytes[1]), eight = try #require(entry.cacheBytes[8])
        let memory = try ArchFixtures.estimate(spec, context: 1, options).kvCache
        // Below every window, each token adds the same bytes; what a one-token prompt holds beyond them is state.
        #expect(memory.bytesPerToken == (eight - one) / 7)
        #expect(memory.stateBytesPerSequence == one - memory.bytesPerToken)
        // transformers keeps window - 1 tokens in a windowed or chunked layer: archcalc's window-minus-one
        // convention, exact at every measured length.
        options.windowCache = .windowMinusOne
        for (length, measured) in entry.cacheBytes.sorted(by: { $0.key < $1.key }) {
            let bytes = try ArchFixtures.estimate(spec, context: length, options).kvCache.bytes
            #expect(bytes == measured, "prompt of \(length) tokens")
        }
        // The default convention holds one token more in each capped layer once the context reaches its window.
        for (length, measured) in entry.cacheBytes where length >= 16 {
            let bytes = try ArchFixtures.estimate(spec, context: length, CostOptions(kvDType: .fp32)).kvCache.bytes
            let extra = try Self.oneTokenPerCappedLayer(spec, context: length)
            #expect(bytes - measured == extra, "prompt of \(length) tokens")
        }
    }

    /// fp32 bytes of one token in every windowed or chunked layer whose window the context reaches.
    static func oneTokenPerCappedLayer(_ spec: ArchitectureSpec, context: Int) throws -> Int128 {
        var bytes: Int128 = 0
        for (layer, count) in try spec.plan.groups {
            guard let a = layer.mixer.attention, !a.readsSharedKV else { continue }
            let cap: Int? = switch a.span {
            case .full: nil
            case .sliding(let window): window
            case .chunked(let size): size
            }
            guard let cap, context >= cap else { continue }
            let elements: Int = switch a.form {
            case .standard(let kvHeads, let headDim, let valueDim): kvHeads * (headDim + valueDim)
            case .latent(let mla): mla.kvLoraRank + mla.qkRopeHeadDim + (a.indexer?.headDim ?? 0)
            }
            bytes += Int128(count * elements * 4)
        }
        return bytes
    }

    @Test func refusedTypesAreLocatedErrors() throws {
        for entry in HFReference.entries where HFReference.refused.contains(entry.modelType) {
            let loaded = SpecLoader.load(path: entry.path)
            let error = try #require(loaded.diagnostics.first { $0.severity == .error })
            #expect(error.location != nil)
            #expect(error.message.contains("short-convolution"))
        }
    }

    @Test func everyReferenceModelTypeIsInTheTable() {
        let types = Set(HFReference.raw.compactMap { $0["model_type"] as? String })
        let missing = types.subtracting(HFImport.supportedModelTypes + HFImport.refusedModelTypes)
        #expect(missing.isEmpty, "\(missing.sorted())")
    }
}
