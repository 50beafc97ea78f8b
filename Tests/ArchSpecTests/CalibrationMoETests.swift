import Testing
@testable import ArchSpec

/// The forward pass's mixture-of-experts layers on specs small enough to work by hand: hidden 2, attention whose
/// output projection is zero (the block adds only the MoE output), RMSNorm, no positions, lm_head = I.
/// Router rows are e0 = [1, 0] and e1 = [0, 1]; expert 0 is relu then 2·I, expert 1 is relu then a swap.
@Suite struct CalibrationMoETests {
    static func tiny(topK: Int, shared: Int) -> ArchitectureSpec {
        var spec = CalibrationForwardTests.tiny
        spec.moe = MoESpec(experts: 2, topK: topK, sharedExperts: shared, expertIntermediateSize: 2,
                           sharedExpertGate: shared > 0)
        return spec
    }

    func set(_ buffer: FloatBuffer, _ values: [Float]) {
        for (i, v) in values.enumerated() { buffer.pointer[i] = v }
    }

    func handWired(_ spec: ArchitectureSpec, variant: KernelVariant) throws -> ForwardPass {
        let pass = ForwardPass(spec: spec, backend: KernelBackend(variant: variant, threads: 1), capacity: 8, maxRows: 3)
        let layer = pass.weights.layers[0]
        let moe = try #require(layer.moe)
        #expect(layer.dense == nil)
        set(pass.weights.embedding, [1, 0, 0, 1])  // token 0 = [1, 0], token 1 = [0, 1]
        set(layer.attention!.projection, [1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1])
        set(layer.attention!.out, [0, 0, 0, 0])
        set(moe.router, [1, 0, 0, 1])
        set(moe.experts[0].up, [1, 0, 0, 1])
        set(moe.experts[0].down, [2, 0, 0, 2])
        set(moe.experts[1].up, [1, 0, 0, 1])
        set(moe.experts[1].down, [0, 1, 1, 0])
        for expert in moe.shared {
            set(expert.up, [1, 0, 0, 1])
            set(expert.down, [1, 0, 0, 1])
        }
        if let gate = moe.sharedGate { set(gate, [0.5, 0]) }
        set(try #require(pass.weights.lmHead), [1, 0, 0, 1])
        return pass
    }

    func row(_ pass: ForwardPass, _ r: Int) -> [Float] { [pass.x.pointer[2 * r], pass.x.pointer[2 * r + 1]] }

    /// Within 1e-4: RMSNorm's eps (1e-5) shrinks each normed value by about 1e-5 relative, and the MoE path
    /// multiplies normed values by up to 2√2.
    func close(_ a: [Float], _ b: [Float]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-4 } }

    @Test(arguments: KernelVariant.allCases)
    func topOneRoutesEachTokenToOneExpertWithWeightOne(variant: KernelVariant) throws {
        let pass = try handWired(Self.tiny(topK: 1, shared: 0), variant: variant)
        // Normed rows are [√2, 0] (token 0) and [0, √2] (token 1), so token 0 goes to expert 0, token 1 to expert 1
        // (two rows: a GEMM over the gathered rows). x0 = [1, 0] + 2·[√2, 0]; x1 = [0, 1] + swap([0, √2]).
        let logits = try pass.forward([0, 1, 1])
        #expect(close(row(pass, 0), [3.828_427, 0]), "\(row(pass, 0))")
        #expect(close(row(pass, 1), [1.414_214, 1]) && close(row(pass, 2), [1.414_214, 1]))
        // Logits of x = [√2, 1]: x / rms(x) = x / √1.5.
        #expect(close(logits, [1.154_701, 0.816_497]), "\(logits)")
        let decode = try pass.forward([0])
        #expect(close(row(pass, 0), [3.828_427, 0]) && close(decode, [1.414_214, 0]), "\(decode)")
    }

    @Test(arguments: KernelVariant.allCases)
    func topTwoWeighsExpertsBySoftmaxAndAddsTheGatedSharedExpert(variant: KernelVariant) throws {
        let pass = try handWired(Self.tiny(topK: 2, shared: 1), variant: variant)
        // Token 0: logits [√2, 0], p = [e^√2, 1] / (e^√2 + 1) = [0.804430, 0.195570] (both kept, sum 1).
        // Experts: 2·[√2, 0] and swap([√2, 0]) = [0, √2]; shared relu([√2, 0]) · sigmoid(0.5·√2 = 0.707107) = 0.669762.
        // x0 = [1 + 0.804430·2√2 + 0.669762·√2, 0.195570·√2] = [4.222457, 0.276578].
        // Token 1: p = [0.195570, 0.804430]; experts [0, 2√2] and [√2, 0]; shared [0, √2]·sigmoid(0) = [0, √2/2].
        // x1 = [0.804430·√2, 1 + 0.195570·2√2 + √2/2] = [1.137635, 2.260263]; logits = x1 / rms(x1).
        let logits = try pass.forward([0, 1])
        #expect(close(row(pass, 0), [4.222_457, 0.276_578]), "\(row(pass, 0))")
        #expect(close(row(pass, 1), [1.137_635, 2.260_263]), "\(row(pass, 1))")
        #expect(close(logits, [0.635_808, 1.263_229]), "\(logits)")
    }

    @Test func routingKeepsTopKRenormalisedAndBreaksTiesLow() {
        let pass = ForwardPass(spec: Self.tiny(topK: 2, shared: 0), backend: KernelBackend(variant: .portable, threads: 1),
                               capacity: 4, maxRows: 3)
        // Three experts, logits [1, 1, 0] and [0, 2, 2]: top 2 keeps the equal pair at weight 1/2 each.
        let logits: [Float] = [1, 1, 0, 0, 2, 2]
        let routes = pass.route(rows: 2, logits: logits, experts: 3, topK: 2)
        #expect(routes[0] == [RoutedToken(token: 0, weight: 0.5)])
        #expect(routes[1] == [RoutedToken(token: 0, weight: 0.5), RoutedToken(token: 1, weight: 0.5)])
        #expect(routes[2] == [RoutedToken(token: 1, weight: 0.5)])
        // Top 1 of a tie goes to the lower index.
        let single = pass.route(rows: 2, logits: logits, experts: 3, topK: 1)
        #expect(single.map(\.count) == [1, 1, 0])
        #expect(single[1] == [RoutedToken(token: 1, weight: 1)])
    }

    @Test func groupedRoutingKeepsTheBestGroupsOnly() {
        let pass = ForwardPass(spec: Self.tiny(topK: 2, shared: 0), backend: KernelBackend(variant: .portable, threads: 1),
                               capacity: 4, maxRows: 3)
        // Logits [0, 3, 2, 2.5] in groups {0, 1} and {2, 3}; group bests e^3 and e^2.5 keep group 0 only, so top 2
        // is experts 1 and 0 (not 3): weights e^3 / (e^3 + 1) = 0.952574 and 1 / (e^3 + 1) = 0.047426.
        let logits: [Float] = [0, 3, 2, 2.5]
        let routes = pass.route(rows: 1, logits: logits, experts: 4, topK: 2, groups: 2, keptGroups: 1)
        #expect(routes.map(\.count) == [1, 1, 0, 0])
        #expect(abs(routes[1][0].weight - 0.952_574) < 1e-5 && abs(routes[0][0].weight - 0.047_426) < 1e-5)
        // Both groups kept: plain top 2 is experts 1 and 3.
        #expect(pass.route(rows: 1, logits: logits, experts: 4, topK: 2, groups: 2, keptGroups: 2).map(\.count) == [0, 1, 0, 1])
    }

    /// Three layers: dense layer 0 (`dense_layers: 1`), MoE layers 1 and 2; gated SiLU experts with biases,
    /// a router bias, a gated shared expert, 4 experts top 2.
    static let mixed: ArchitectureSpec = {
        var spec = CalibrationForwardTests.gqaRope
        spec.layers = 3
        spec.mlp.bias = true
        spec.moe = MoESpec(experts: 4, topK: 2, sharedExperts: 1, expertIntermediateSize: 24,
                           sharedExpertIntermediateSize: 40, denseLayers: 1, routerBias: true, sharedExpertGate: true)
        return spec
    }()

    @Test func layersFollowTheCostModelsMoERule() {
        var spec = Self.mixed
        spec.layers = 6
        spec.moe?.denseLayers = 0
        spec.moe?.layerInterval = 2
        spec.moe?.denseLayerIndices = [3]
        let weights = ForwardWeights(spec, capacity: 2)
        // (i + 1) % 2 == 0 -> layers 1, 3, 5; layer 3 is listed dense.
        #expect(weights.layers.map { $0.moe != nil } == [false, true, false, false, false, true])
        #expect(weights.layers.allSatisfy { ($0.moe == nil) == ($0.dense != nil) })
        #expect(spec.moe?.moeLayerCount(layers: 6) == 2)
        #expect(weights.layers[1].moe?.experts.count == 4 && weights.layers[1].moe?.shared.count == 1)
    }

    /// Prefilling n tokens must give the last logits of prefilling n - 1 and decoding one: the prefill routes
    /// several tokens per expert (gathered GEMMs), the decode one token through GEMVs.
    @Test(arguments: KernelVariant.allCases)
    func prefillEqualsPrefillThenDecode(variant: KernelVariant) throws {
        let backend = KernelBackend(variant: variant, threads: 2)
        let tokens = [3, 7, 11, 2, 19, 5]
        let whole = ForwardPass(spec: Self.mixed, backend: backend, capacity: 8, maxRows: tokens.count)
        let expected = try whole.forward(tokens)
        let split = ForwardPass(spec: Self.mixed, backend: backend, capacity: 8, maxRows: tokens.count)
        _ = try split.forward(Array(tokens.dropLast()))
        let got = try split.forward([tokens[tokens.count - 1]])
        #expect(maxRelativeError(got, expected) < 1e-4)
        #expect(expected.allSatisfy { $0.isFinite })
        // Two MoE layers of 4 experts; each of the 6 tokens went to 2 experts per layer.
        #expect(whole.lastExpertRows.count == 8 && whole.lastExpertRows.reduce(0, +) == 24)
        #expect(split.lastExpertRows.reduce(0, +) == 4)
        // Every MoE operator was timed.
        for key in ["linear:router", "linear:expert_gate_up", "linear:expert_down", "linear:shared_gate_up",
                    "linear:shared_gate", "moe:combine", "linear:gate_up"] {
            #expect(whole.lastBreakdown[key] != nil, "\(key)")
        }
    }

    @Test func runsGroupedRoutingButRefusesUnequalGroups() {
        #expect(ForwardPass.unsupportedFeatures(Self.mixed, tokens: 8).isEmpty)
        var grouped = Self.mixed
        grouped.moe?.groups = 2
        grouped.moe?.topKGroups = 1
        #expect(ForwardPass.unsupportedFeatures(grouped, tokens: 8).isEmpty)
        grouped.moe?.groups = 3
        #expect(ForwardPass.unsupportedFeatures(grouped, tokens: 8) == ["grouped expert routing with 4 experts in 3 unequal groups"])
    }

    @Test func memoryCheckCountsEveryExpert() throws {
        var dense = Self.mixed
        dense.moe = nil
        let withExperts = ForwardWeights.bytesNeeded(Self.mixed, capacity: 8, prefill: 4)
        var more = Self.mixed
        more.moe?.experts = 8
        // Four more experts in each of two MoE layers: 4·2·(gate_up 48x32 + 48 bias + down 32x24 + 32 bias)
        // weights plus 4 router rows of 32 and 4 router biases per layer, fp32.
        let expert = 48 * 32 + 48 + 32 * 24 + 32
        let delta = 4 * (4 * 2 * expert + 2 * (4 * 32 + 4))
        let moreBytes = try #require(ForwardWeights.bytesNeeded(more, capacity: 8, prefill: 4))
        #expect(moreBytes - (try #require(withExperts)) == Int128(delta))
        #expect(try #require(ForwardWeights.bytesNeeded(dense, capacity: 8, prefill: 4)) < (try #require(withExperts)))
    }
}
